/** The phrases training must never see: every phrase of the eval sets (`--exclude FILE|DIR...`). */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import { readLabelledTsv } from './tsv.js';
import { isStopWord } from '../encoder/glove/stop-words.js';
import { joinLemmas } from '../wordnet/multi-word-lemmas.js';
import { loadNounOnlyWords, readAdjectiveLemmas } from '../wordnet/noun-only-words.js';

async function tsvFiles(path: string): Promise<string[]> {
  let isDirectory: boolean;
  try {
    isDirectory = (await stat(path)).isDirectory();
  } catch (err) {
    throw new InputError('input.not_found', `The exclusion file or directory ${path} does not exist.`, { cause: err });
  }
  if (!isDirectory) return [path];
  const names = (await readdir(path)).filter((name) => name.endsWith('.tsv')).sort();
  // An empty directory is most likely a wrong path; excluding nothing would silently leak eval data.
  if (names.length === 0) throw new InputError('input.invalid', `The exclusion directory ${path} has no .tsv file.`);
  return names.map((name) => join(path, name));
}

/**
 * Normalized phrases of labelled TSV files, and every adjective (a WordNet adjective lemma) of
 * their multi-word phrases ("enchanting music" → enchanting too; "so pissed off" → pissed, off
 * and the adjective "pissed off": `multi-word-lemmas.ts`), so that neither the phrase nor the
 * words carrying its attribute are trained on or looked up; a directory stands for every
 * `*.tsv` directly inside it.
 *
 * @throws InputError when a path does not exist, a directory has no .tsv file, or a file has a bad line.
 * @example
 * const exclude = await readExclusionSet(['../shared/eval']);
 */
export async function readExclusionSet(files: readonly string[]): Promise<Set<string>> {
  const phrases = new Set<string>();
  for (const path of files) {
    for (const file of await tsvFiles(path)) {
      for (const example of await readLabelledTsv(file)) phrases.add(example.phrase);
    }
  }
  const several = [...phrases].some((p) => p.includes(' '));
  const adjectives = several ? await readAdjectiveLemmas() : new Set<string>();
  const nounOnly = several ? await loadNounOnlyWords({ exclude: new Set(), adjectives }) : { has: () => false };
  for (const phrase of [...phrases]) {
    if (!phrase.includes(' ')) continue;
    const words = phrase.split(' ');
    for (const word of words) if (adjectives.has(word) && !isStopWord(word)) phrases.add(word);
    for (const unit of joinLemmas(words, (f) => adjectives.has(f), (w) => nounOnly.has(w))) if (unit !== phrase && /[ -]/.test(unit)) phrases.add(unit);
  }
  return phrases;
}
