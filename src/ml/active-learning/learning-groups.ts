/**
 * Groups of related phrases for `bench:learning` (issue 14, item 3): simulated users teach half of
 * each group and the other half is measured, so the benchmark asks whether a correction helps the
 * phrases next to it. Built only from the public eval files and WordNet; pure (the caller reads
 * the files and the encoder's vocabulary).
 */
import { createRandom } from '../trainer/prng.js';
import { comparativeForms } from '../wordnet/comparative-forms.js';

/** One WordNet adjective synset: its normalized lemmas and its attribute labels (heads' spread to satellites). */
export interface AdjectiveSense {
  readonly lemmas: readonly string[];
  readonly labels: readonly string[];
}

/** An eval phrase a group grows from. */
export interface GroupSource {
  readonly phrase: string;
  readonly labels: readonly string[];
}

/**
 * How a member relates to its group's head adjective: an eval phrase using it, the bare word, an
 * intensified form ("very X"), an inflection (colder, coldest), a synonym from the same WordNet sense.
 */
export type MemberKind = 'eval' | 'word' | 'intensified' | 'inflected' | 'synonym';

/** A phrase of a group with the labels that count as right for it. */
export interface GroupMember {
  readonly phrase: string;
  readonly labels: readonly string[];
  readonly kind: MemberKind;
}

/** Related phrases sharing one sense of one head adjective. */
export interface PhraseGroup {
  /** `head#n`: the head adjective and the rank of its WordNet sense the group is about. */
  readonly key: string;
  readonly head: string;
  readonly members: readonly GroupMember[];
}

/** Options of {@link buildLearningGroups}. */
export interface GroupOptions {
  /** An adjective's senses, most frequent first (empty when WordNet does not know it). */
  sensesOf: (lemma: string) => readonly AdjectiveSense[];
  /** Whether the encoder has a vector for a word: a generated form it cannot read teaches nothing. */
  known: (word: string) => boolean;
  /** Intensifiers put before the head; default very, so, super (how people type in chat). */
  intensifiers?: readonly string[];
  /** Most synonyms per group (a big synset would otherwise dominate); default 3. */
  maxSynonyms?: number;
}

const DEFAULT_INTENSIFIERS = ['very', 'so', 'super'];

/** The head adjective of an eval phrase and the rank of its sense that agrees with the phrase's labels. */
function headOf(source: GroupSource, sensesOf: GroupOptions['sensesOf']): { head: string; rank: number; sense: AdjectiveSense } | null {
  const accepted = new Set(source.labels);
  let best: { head: string; rank: number; sense: AdjectiveSense; overlap: number } | null = null;
  for (const token of source.phrase.split(' ')) {
    const senses = sensesOf(token);
    const rank = senses.findIndex((s) => s.labels.some((l) => accepted.has(l)));
    const sense = senses[rank];
    if (!sense) continue;
    const overlap = sense.labels.filter((l) => accepted.has(l)).length;
    // Ties go to the later word: in "kinda small" and "dark corner" alike, that is not decisive,
    // but in "very cold" the intensifier is never a WordNet attribute adjective anyway.
    if (!best || overlap >= best.overlap) best = { head: token, rank, sense, overlap };
  }
  return best;
}

/**
 * Groups of related phrases: eval phrases are grouped by the sense of their head adjective (the
 * word WordNet gives an attribute that the phrase's labels agree with), and each group gets the
 * bare head, its intensified forms, its inflections and its synonyms in that sense, all with the
 * union of the group's eval labels (first: the first eval phrase's first label). A phrase belongs to one group at most (the first, in key
 * order); groups of fewer than two phrases are dropped. Sorted by key, so the output is stable.
 *
 * @example
 * buildLearningGroups([{ phrase: 'cold beer', labels: ['temperature'] }], opts)
 * // [{ key: 'cold#0', head: 'cold', members: ['cold beer', 'cold', 'very cold', 'so cold', 'super cold', 'colder', 'coldest', 'frigid', …] }]
 */
export function buildLearningGroups(sources: readonly GroupSource[], opts: GroupOptions): PhraseGroup[] {
  const byKey = new Map<string, { head: string; sense: AdjectiveSense; sources: GroupSource[] }>();
  for (const source of sources) {
    const found = headOf(source, opts.sensesOf);
    if (!found) continue;
    const key = `${found.head}#${found.rank}`;
    const entry = byKey.get(key) ?? { head: found.head, sense: found.sense, sources: [] };
    entry.sources.push(source);
    byKey.set(key, entry);
  }
  const taken = new Set<string>();
  const groups: PhraseGroup[] = [];
  const keys = [...byKey.keys()].sort();
  for (const key of keys) {
    const { head, sense, sources: evals } = byKey.get(key) as { head: string; sense: AdjectiveSense; sources: GroupSource[] };
    // In order of appearance: the first is the first eval phrase's main label, what a user would type.
    const labels = [...new Set(evals.flatMap((s) => s.labels))];
    const members: GroupMember[] = [];
    const add = (phrase: string, kind: MemberKind, own: readonly string[] = labels): void => {
      if (taken.has(phrase) || members.some((m) => m.phrase === phrase)) return;
      members.push({ phrase, labels: own, kind });
    };
    for (const s of evals) add(s.phrase, 'eval', s.labels);
    if (opts.known(head)) {
      add(head, 'word');
      for (const i of opts.intensifiers ?? DEFAULT_INTENSIFIERS) add(`${i} ${head}`, 'intensified');
      for (const form of comparativeForms(head)) if (opts.known(form)) add(form, 'inflected');
    }
    const synonyms = sense.lemmas.filter((l) => l !== head && !l.includes(' ') && opts.known(l)).sort();
    for (const synonym of synonyms.slice(0, opts.maxSynonyms ?? 3)) add(synonym, 'synonym');
    if (members.length < 2) continue;
    for (const m of members) taken.add(m.phrase);
    groups.push({ key, head, members });
  }
  return groups;
}

/**
 * Splits a group into the half users teach and the half that is measured (the larger half when
 * odd), by a seeded shuffle: repeatable, and independent of the order members were generated in.
 */
export function splitGroup(group: PhraseGroup, seed: number): { taught: GroupMember[]; untaught: GroupMember[] } {
  const random = createRandom(seed, hashString(group.key));
  const order = [...group.members].sort((a, b) => (a.phrase < b.phrase ? -1 : 1)).map((m) => ({ m, r: random() }));
  order.sort((a, b) => a.r - b.r);
  const half = Math.floor(order.length / 2);
  return { taught: order.slice(0, half).map((o) => o.m), untaught: order.slice(half).map((o) => o.m) };
}

/** FNV-1a of a string, as a 31-bit stream id. */
function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) & 0x7fffffff;
}
