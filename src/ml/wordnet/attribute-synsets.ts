/**
 * Attribute labels of adjective synsets: the lemmas of the noun synsets an adjective points to
 * with `=` (hot → temperature), spread from head adjectives to their satellites through `&`
 * (hot → sizzling), because WordNet only records the attribute on the head of a cluster.
 */
import { normalizeLabel } from '../../core/text.js';
import type { DataFile } from './data-file.js';
import type { Synset } from './synset-line.js';

/** Normalized lemmas of the noun synsets `synset` points to with `=`, in pointer order, without duplicates. */
export function ownAttributeLabels(synset: Synset, nouns: DataFile): string[] {
  const labels = new Set<string>();
  for (const pointer of synset.pointers) {
    if (pointer.symbol !== '=' || pointer.pos !== 'n') continue;
    for (const word of nouns.find(pointer.offset)?.words ?? []) labels.add(normalizeLabel(word.lemma));
  }
  return [...labels];
}

/**
 * Attribute labels by adjective synset offset: each synset's own labels, plus, for a satellite,
 * the labels of every head adjective that lists it as similar (`&`).
 *
 * @param adjectives every synset of data.adj (heads and satellites).
 * @param nouns data.noun, for the attribute synsets' lemmas.
 */
export function attributeLabelsBySynset(adjectives: readonly Synset[], nouns: DataFile): Map<number, string[]> {
  const byOffset = new Map(adjectives.map((synset) => [synset.offset, synset]));
  const labels = new Map<number, Set<string>>();
  const add = (offset: number, more: readonly string[]): void => {
    const set = labels.get(offset) ?? new Set<string>();
    for (const label of more) set.add(label);
    if (set.size > 0) labels.set(offset, set);
  };

  for (const adjective of adjectives) add(adjective.offset, ownAttributeLabels(adjective, nouns));
  for (const head of adjectives) {
    if (head.ssType !== 'a') continue;
    // A head's own labels only: spreading what a satellite got from another head would chain clusters.
    const own = ownAttributeLabels(head, nouns);
    if (own.length === 0) continue;
    for (const pointer of head.pointers) {
      if (pointer.symbol === '&' && byOffset.get(pointer.offset)?.ssType === 's') add(pointer.offset, own);
    }
  }
  return new Map([...labels].map(([offset, set]) => [offset, [...set]]));
}
