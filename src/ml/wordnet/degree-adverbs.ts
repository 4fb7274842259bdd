/**
 * WordNet's adverbs of degree written as several words: those whose definition speaks of a degree
 * or an extent ("a little": to a small degree; "kind of": to some extent; "pretty much"). Like
 * "very", they say how much, never which attribute, though their words are content words elsewhere:
 * "a little wimpy" is about wimpiness, while "a little dog" is about size.
 */
import { isStopWord } from '../encoder/glove/stop-words.js';
import { DataFile } from './data-file.js';
import { definition } from './gloss-words.js';
import { indexEntry, readIndexLines } from './index-file.js';
import { defaultWordnetDir } from './wordnet-dir.js';

const DEGREE = /\b(degree|extent)\b/;

/** The degree adverbs as word sequences ("a little" → ["a", "little"]). */
export type DegreeAdverbs = readonly (readonly string[])[];

/**
 * Reads the multi-word adverbs of `index.adv` one of whose definitions (`data.adv`) names a degree
 * or an extent (about 40 in WordNet 3.1).
 *
 * @throws InputError when a WordNet file cannot be read or is malformed.
 * @example
 * (await loadDegreeAdverbs()).some((a) => a.join(' ') === 'kind of') // true
 */
export async function loadDegreeAdverbs(dir: string = defaultWordnetDir()): Promise<DegreeAdverbs> {
  const [lines, data] = await Promise.all([readIndexLines(dir, 'adv'), DataFile.load(dir, 'r')]);
  const adverbs: string[][] = [];
  for (const line of lines) {
    const entry = indexEntry(line);
    if (!entry?.lemma.includes(' ')) continue;
    if (entry.offsets.some((o) => DEGREE.test(definition(data.find(o)?.gloss ?? '')))) adverbs.push(entry.lemma.split(' '));
  }
  return adverbs;
}

/**
 * Which words of a phrase say nothing of the attribute: stop words (`isStopWord`), and the words of
 * a degree adverb unless the next word that is no stop word names a thing (`namesThing`: a noun
 * WordNet knows as no adjective), when the adverb's words are an article and an adjective ("a
 * little dog").
 *
 * @example
 * functionWords(['a', 'little', 'wimpy'], adverbs, isNounOnly) // [true, true, false]
 * functionWords(['a', 'little', 'dog'], adverbs, isNounOnly)   // [true, false, false]
 */
export function functionWords(words: readonly string[], adverbs: DegreeAdverbs, namesThing: (word: string) => boolean): boolean[] {
  const mask = words.map((w) => isStopWord(w));
  for (let i = 0; i < words.length; i++) {
    for (const adverb of adverbs) {
      const end = i + adverb.length;
      if (end > words.length || !adverb.every((w, k) => words[i + k] === w)) continue;
      const next = words.slice(end).find((w) => !isStopWord(w));
      if (next !== undefined && namesThing(next)) continue;
      for (let k = i; k < end; k++) mask[k] = true;
    }
  }
  return mask;
}
