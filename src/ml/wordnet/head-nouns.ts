/**
 * Nouns an adjective borrows from the head of its cluster. WordNet records derivations mostly on
 * head adjectives: famished ("extremely hungry") is a satellite of hungry, and only hungry points
 * to hunger. A satellite word with no noun of its own and no attribute anywhere (so nothing in the
 * seed labels it) takes the nouns its head derives: famished → hunger, unhinged → insanity,
 * baggy → looseness. A word whose cluster has an attribute borrows nothing: the seed already
 * labels it with that attribute, and the head's nouns would only repeat the label as evidence
 * about itself (measured: the weights then favour WordNet's labels over chat words' own nouns;
 * docs/answer-quality.md).
 */
import { normalizeLabel } from '../../core/text.js';
import { ownAttributeLabels } from './attribute-synsets.js';
import type { DataFile } from './data-file.js';
import type { Synset } from './synset-line.js';

/** The head adjectives a satellite is similar to (`&`); a head synset is its own head. */
function headsOf(synset: Synset, adjectives: DataFile): Synset[] {
  if (synset.ssType !== 's') return [synset];
  return synset.pointers.filter((p) => p.symbol === '&').flatMap((p) => adjectives.find(p.offset) ?? []);
}

/**
 * Borrowed nouns by adjective (normalized), for the satellite words without nouns of their own
 * (`own`) whose no sense has an attribute, own or through its head.
 *
 * @param synsets every synset of `adjectives` (data.adj), already read.
 * @param nounsOf the nouns a synset's words derive (`+`), all words together.
 * @example
 * borrowedHeadNouns(synsets, adjectives, nouns, own, new Set(), nounsOf).get('famished') // ['hunger', 'hungriness']
 */
export function borrowedHeadNouns(
  synsets: readonly Synset[],
  adjectives: DataFile,
  nouns: DataFile,
  own: ReadonlyMap<string, unknown>,
  exclude: ReadonlySet<string>,
  nounsOf: (synset: Synset) => readonly string[],
): Map<string, string[]> {
  const labelled = new Set<string>();
  for (const synset of synsets) {
    if (headsOf(synset, adjectives).some((h) => ownAttributeLabels(h, nouns).length > 0)) {
      for (const w of synset.words) labelled.add(normalizeLabel(w.lemma));
    }
  }
  const borrowed = new Map<string, Set<string>>();
  for (const synset of synsets) {
    if (synset.ssType !== 's') continue;
    const from = headsOf(synset, adjectives).flatMap((h) => nounsOf(h));
    if (from.length === 0) continue;
    for (const w of synset.words) {
      const adjective = normalizeLabel(w.lemma);
      if (exclude.has(adjective) || own.has(adjective) || labelled.has(adjective)) continue;
      const set = borrowed.get(adjective) ?? new Set<string>();
      for (const noun of from) set.add(noun);
      borrowed.set(adjective, set);
    }
  }
  return new Map([...borrowed].map(([adjective, set]) => [adjective, [...set]]));
}
