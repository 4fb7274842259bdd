/**
 * WordNet adjective senses with their attribute labels, for building `bench:learning`'s groups
 * (see src/ml/active-learning/learning-groups.ts). Reads the whole of WordNet: the groups are a
 * measurement's fixture, never training data (every group phrase is excluded from the seed).
 */
import { normalizeLabel } from '../src/core/text.js';
import type { AdjectiveSense } from '../src/ml/active-learning/learning-groups.js';
import { attributeLabelsBySynset } from '../src/ml/wordnet/attribute-synsets.js';
import { DataFile } from '../src/ml/wordnet/data-file.js';
import { indexEntry, readIndexLines } from '../src/ml/wordnet/index-file.js';
import { defaultWordnetDir } from '../src/ml/wordnet/wordnet-dir.js';

/** Adjective lemma → its senses that have attribute labels, most frequent first. */
export async function adjectiveSenses(dir = defaultWordnetDir()): Promise<(lemma: string) => readonly AdjectiveSense[]> {
  const [adjectiveFile, nouns, index] = await Promise.all([DataFile.load(dir, 'a'), DataFile.load(dir, 'n'), readIndexLines(dir, 'adj')]);
  const adjectives = [...adjectiveFile.synsets()];
  const labels = attributeLabelsBySynset(adjectives, nouns);
  const byOffset = new Map(
    adjectives.flatMap((s) => {
      const own = labels.get(s.offset);
      return own ? [[s.offset, { lemmas: [...new Set(s.words.map((w) => normalizeLabel(w.lemma)))], labels: own }] as const] : [];
    }),
  );
  const senses = new Map<string, AdjectiveSense[]>();
  for (const line of index) {
    const entry = indexEntry(line);
    if (!entry) continue;
    const list = entry.offsets.flatMap((o) => byOffset.get(o) ?? []);
    if (list.length > 0) senses.set(entry.lemma, list);
  }
  return (lemma) => senses.get(lemma) ?? [];
}
