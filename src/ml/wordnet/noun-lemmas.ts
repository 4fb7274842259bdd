/** The set of WordNet noun lemmas: an open candidate set of attribute names beyond the seed labels. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { normalizeLabel } from '../../core/text.js';
import { InputError } from '../../errors.js';

/**
 * The entry lines of `index.noun` in `dir` (the license header, lines starting with a space, and
 * blank lines left out).
 *
 * @throws InputError when the file cannot be read.
 */
export async function readNounIndexLines(dir: string): Promise<string[]> {
  const path = join(dir, 'index.noun');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new InputError('input.invalid', `Cannot read the WordNet index file ${path}.`, { cause: err });
  }
  return text.split('\n').filter((line) => line !== '' && !line.startsWith(' '));
}

/**
 * Every lemma of `index.noun` in `dir`, normalized (underscores → spaces).
 *
 * @throws InputError when the file cannot be read.
 */
export async function readNounLemmas(dir: string): Promise<Set<string>> {
  const lemmas = new Set<string>();
  for (const line of await readNounIndexLines(dir)) {
    const space = line.indexOf(' ');
    lemmas.add(normalizeLabel(space === -1 ? line : line.slice(0, space)));
  }
  return lemmas;
}
