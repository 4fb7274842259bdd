/** WordNet's lemma index files (`index.noun`, `index.adj`, `index.verb`, `index.adv`): each lemma with its senses in order. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeLabel } from '../../core/text.js';
import { InputError } from '../../errors.js';

/**
 * The entry lines of `index.<pos>` in `dir` (the license header, lines starting with a space, and
 * blank lines left out).
 *
 * @throws InputError when the file cannot be read.
 */
export async function readIndexLines(dir: string, pos: 'noun' | 'adj' | 'verb' | 'adv'): Promise<string[]> {
  const path = join(dir, `index.${pos}`);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError('input.invalid', `Cannot read the WordNet index file ${path}.`, { cause: err });
  }
  return text.split('\n').filter((line) => line !== '' && !line.startsWith(' '));
}

/** One index entry: the normalized lemma and its synset offsets, most frequent sense first. */
export interface IndexEntry {
  lemma: string;
  offsets: number[];
}

/**
 * Parses an index line (`lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt
 * synset_offset…`); null when it has no lemma or no offsets.
 *
 * @example
 * indexEntry('baking_hot a 1 1 & 1 0 01251009  ') // { lemma: 'baking hot', offsets: [1251009] }
 */
export function indexEntry(line: string): IndexEntry | null {
  const fields = line.trim().split(' ');
  const synsetCount = Number(fields[2]);
  const first = 4 + Number(fields[3]) + 2;
  const offsets = fields.slice(first, first + synsetCount).map(Number).filter(Number.isInteger);
  return fields[0] && offsets.length > 0 ? { lemma: normalizeLabel(fields[0]), offsets } : null;
}
