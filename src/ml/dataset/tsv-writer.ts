/** Writer of labelled TSV for `attribot export`; its output reads back with `readLabelledTsv`. */
import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import { normalizeLabel, normalizeText } from '../../core/text.js';
import { InputError } from '../../errors.js';
import { hasControlCharacter, MAX_PHRASE_LENGTH, type LabelledExample } from './labelled-example.js';

function formatLine(example: LabelledExample): string {
  const phrase = normalizeText(example.phrase);
  const labels = [...new Set(example.labels.map(normalizeLabel))];
  const fail = (why: string): never => {
    throw new InputError('input.invalid', `Cannot export the phrase "${example.phrase}": ${why}.`);
  };
  if (phrase === '') fail('the phrase is empty');
  if (/[\t]/.test(phrase) || hasControlCharacter(phrase)) fail('the phrase contains a tab or control character');
  // The reader takes a line starting with `#` for a comment, so such a phrase would vanish on import.
  if (phrase.startsWith('#')) fail('a phrase starting with "#" would read back as a comment');
  if ([...phrase].length > MAX_PHRASE_LENGTH) fail(`the phrase is longer than ${MAX_PHRASE_LENGTH} characters`);
  if (labels.length === 0) fail('it has no label');
  for (const label of labels) {
    if (label === '') fail('a label is empty');
    if (/[,\t]/.test(label) || hasControlCharacter(label)) fail(`the label "${label}" contains a comma, tab or control character`);
  }
  return `${phrase}\t${labels.join(',')}`;
}

/**
 * Formats examples as labelled TSV, one line each, in the order given, after an optional `#`
 * comment header (one comment line per line of `header`).
 *
 * @throws InputError naming the phrase when an example cannot be written so that it reads back
 *   the same (empty phrase or label, a phrase starting with `#`, a comma inside a label, control
 *   characters, too long).
 */
export function formatLabelledTsv(examples: readonly LabelledExample[], header?: string): string {
  const comments = header === undefined ? [] : header.split('\n').map((line) => `# ${line}`);
  return [...comments, ...examples.map(formatLine)].map((line) => `${line}\n`).join('');
}

/**
 * Writes examples to `file` as labelled TSV. The text goes to a temporary file first and is then
 * renamed, so a crash never leaves a half-written export.
 *
 * @throws InputError when an example cannot be written (see {@link formatLabelledTsv}) or the file cannot be written.
 */
export async function writeLabelledTsv(file: string, examples: readonly LabelledExample[], header?: string): Promise<void> {
  const text = formatLabelledTsv(examples, header);
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, file);
  } catch (err) {
    await rm(temporary, { force: true });
    throw new InputError('input.invalid', `Cannot write ${file}.`, { cause: err });
  }
}
