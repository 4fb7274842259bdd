/** The set of WordNet noun lemmas: an open candidate set of attribute names beyond the seed labels. */
import { normalizeLabel } from '../../core/text.js';
import { readIndexLines } from './index-file.js';

/**
 * Every lemma of `index.noun` in `dir`, normalized (underscores → spaces).
 *
 * @throws InputError when the file cannot be read.
 */
export async function readNounLemmas(dir: string): Promise<Set<string>> {
  const lemmas = new Set<string>();
  for (const line of await readIndexLines(dir, 'noun')) {
    const space = line.indexOf(' ');
    lemmas.add(normalizeLabel(space === -1 ? line : line.slice(0, space)));
  }
  return lemmas;
}
