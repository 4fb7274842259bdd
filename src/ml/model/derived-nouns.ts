/**
 * Nouns derived from trained words, remembering their word's target: slender → slenderness →
 * body weight, dangerous → danger → danger/safety. A phrase's own open candidates (hazardous →
 * hazard) then vote through their nearest remembered nouns. An adjective's neighbours in an
 * embedding are adjectives of any attribute (angry sits beside frustrated and fierce); its noun
 * sits among nouns of the same kind (hazard beside danger and risk), so the nouns add a view the
 * phrase's own vector lacks (README, "Answer quality": wordnet-dev top-1 +0.6, colloquial-dev
 * unchanged).
 */
import type { EmbeddingStore } from './embedding-store.js';
import type { CandidateSource, PhraseCandidates } from './open-candidates.js';
import { buildMemory, nearestRows, type NeighbourOptions, type PhraseMemory, type SparseTarget } from './phrase-memory.js';
import { centred } from './scoring-model.js';

/** The derived nouns' memory, with the trained phrases each noun was derived from. */
export interface DerivedMemory extends PhraseMemory {
  /** noun → the one-word trained phrases it derives from. */
  readonly sources: ReadonlyMap<string, readonly string[]>;
}

/**
 * A memory of the nouns derived from each one-word trained phrase (leaving out those that name no
 * quality), each with the mean target of the phrases it derives from (one row per noun).
 *
 * @example
 * const nouns = await buildDerivedMemory(model.memory, source, store, model.centre);
 */
export async function buildDerivedMemory(memory: PhraseMemory, source: CandidateSource, store: EmbeddingStore, centre: Float32Array): Promise<DerivedMemory> {
  const sums = new Map<string, { mass: Map<number, number>; from: string[] }>();
  memory.phrases.forEach((phrase, row) => {
    const target = memory.targets[row];
    if (phrase.includes(' ') || !target) return;
    for (const noun of source.candidates(phrase)) {
      if (source.describe?.(noun).thing) continue;
      const sum = sums.get(noun) ?? { mass: new Map<number, number>(), from: [] };
      target.classes.forEach((c, j) => sum.mass.set(c, (sum.mass.get(c) ?? 0) + (target.probs[j] ?? 0)));
      sum.from.push(phrase);
      sums.set(noun, sum);
    }
  });
  const nouns = [...sums.keys()];
  const targets: SparseTarget[] = [...sums.values()].map(({ mass, from }) => ({ classes: [...mass.keys()], probs: [...mass.values()].map((m) => m / from.length) }));
  const vectors = await store.vectors(nouns);
  const built = buildMemory(
    nouns,
    vectors.map((v) => centred(v, centre)),
    targets,
    centre.length,
  );
  return { ...built, sources: new Map([...sums].map(([noun, { from }]) => [noun, from])) };
}

/**
 * Mean neighbour distribution (the `opts.k` nearest nouns, voting equally) of a phrase's open
 * candidates that the encoder knows by themselves (a non-zero vector) and that name a quality;
 * null when there are none. Nouns derived from `self` alone are left out: a trained phrase's
 * own target is not evidence about it.
 */
export function derivedVote(nouns: DerivedMemory, extra: PhraseCandidates, numClasses: number, opts: NeighbourOptions, self?: string): Float32Array | null {
  const sum = new Float32Array(numClasses);
  const skip = new Set<number>();
  if (self !== undefined) {
    for (const noun of extra.labels) {
      const from = nouns.sources.get(noun);
      const row = nouns.byPhrase.get(noun);
      if (row !== undefined && from?.length === 1 && from[0] === self) skip.add(row);
    }
  }
  let voters = 0;
  for (const [label, u] of extra.open) {
    if (extra.facts.get(label)?.thing || !u.some((v) => v !== 0)) continue;
    const best = nearestRows(nouns, u, opts.k, skip);
    if (best.size === 0) continue;
    for (let i = 0; i < best.size; i++) {
      const t = nouns.targets[best.ids[i] ?? 0];
      t?.classes.forEach((c, j) => {
        if (c < numClasses) sum[c] = (sum[c] ?? 0) + (t.probs[j] ?? 0) / best.size;
      });
    }
    voters++;
  }
  if (voters === 0) return null;
  for (let c = 0; c < numClasses; c++) sum[c] = (sum[c] ?? 0) / voters;
  return sum;
}
