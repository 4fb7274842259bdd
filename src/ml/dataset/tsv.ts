/**
 * Reader of labelled TSV (`phrase<TAB>label1,label2`), the format of `attribot import` and of the
 * eval sets in `../shared/eval`. All-or-nothing: one bad line rejects the whole file, so an import
 * never stores half a file.
 */
import { normalizeLabel, normalizeText } from '../../core/text.js';
import { InputError } from '../../errors.js';
import { hasControlCharacter, MAX_PHRASE_LENGTH, type LabelledExample } from './labelled-example.js';
import { readUtf8File } from './read-utf8.js';

const BOM = '\ufeff';

function checkLine(line: string): string | undefined {
  if (hasControlCharacter(line)) return 'it contains a control character';
  const columns = line.split('\t');
  if (columns.length < 2) return 'there is no tab between the phrase and its labels';
  if (columns.length > 2) return 'it has more than one tab; expected phrase<TAB>label[,label...]';
  return undefined;
}

function parseLine(line: string): LabelledExample | string {
  const problem = checkLine(line);
  if (problem) return problem;
  const [rawPhrase = '', rawLabels = ''] = line.split('\t');
  const phrase = normalizeText(rawPhrase);
  if (phrase === '') return 'the phrase is empty';
  if ([...phrase].length > MAX_PHRASE_LENGTH) return `the phrase is longer than ${MAX_PHRASE_LENGTH} characters`;
  const labels = rawLabels.split(',').map(normalizeLabel);
  if (labels.some((label) => label === '')) return 'a label is empty (check for a stray or trailing comma)';
  return { phrase, labels: [...new Set(labels)] };
}

/**
 * Parses labelled TSV text. `#` comment lines and blank lines are skipped; a trailing CR (CRLF
 * files) and a leading BOM are tolerated. A phrase listed twice gets the union of its labels.
 *
 * @param file name used in error messages.
 * @throws InputError (`input.invalid`) naming the file and line of the first bad line; nothing is returned then.
 * @example
 * parseLabelledTsv('# phrase\tlabels\nBoiling  Hot\ttemperature,Heat\n', 'x.tsv')
 * // [{ phrase: 'boiling hot', labels: ['temperature', 'heat'] }]
 */
export function parseLabelledTsv(text: string, file: string): LabelledExample[] {
  const byPhrase = new Map<string, Set<string>>();
  const lines = (text.startsWith(BOM) ? text.slice(1) : text).split('\n');
  lines.forEach((raw, index) => {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    const parsed = parseLine(line);
    if (typeof parsed === 'string') {
      throw new InputError('input.invalid', `${file} line ${index + 1} is not valid: ${parsed}.`);
    }
    const labels = byPhrase.get(parsed.phrase) ?? new Set<string>();
    for (const label of parsed.labels) labels.add(label);
    byPhrase.set(parsed.phrase, labels);
  });
  return [...byPhrase].map(([phrase, labels]) => ({ phrase, labels: [...labels] }));
}

/**
 * Reads and parses a labelled TSV file (see {@link parseLabelledTsv}).
 *
 * @throws InputError `input.not_found` when the file does not exist, `input.invalid` when it
 *   cannot be read or a line is bad (the message names the file and line).
 */
export async function readLabelledTsv(file: string): Promise<LabelledExample[]> {
  return parseLabelledTsv(await readUtf8File(file), file);
}
