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
import { buildMemory, neighbourDistribution, type NeighbourOptions, type PhraseMemory, type SparseTarget } from './phrase-memory.js';
import { centred } from './scoring-model.js';

/**
 * A memory of the nouns derived from each one-word trained phrase (leaving out those that name no
 * quality), each with the mean target of the phrases it derives from (one row per noun).
 *
 * @example
 * const nouns = await buildDerivedMemory(model.memory, source, store, model.centre);
 */
export async function buildDerivedMemory(memory: PhraseMemory, source: CandidateSource, store: EmbeddingStore, centre: Float32Array): Promise<PhraseMemory> {
  const sums = new Map<string, { mass: Map<number, number>; n: number }>();
  memory.phrases.forEach((phrase, row) => {
    const target = memory.targets[row];
    if (phrase.includes(' ') || !target) return;
    for (const noun of source.candidates(phrase)) {
      if (source.describe?.(noun).thing) continue;
      const sum = sums.get(noun) ?? { mass: new Map<number, number>(), n: 0 };
      target.classes.forEach((c, j) => sum.mass.set(c, (sum.mass.get(c) ?? 0) + (target.probs[j] ?? 0)));
      sum.n++;
      sums.set(noun, sum);
    }
  });
  const nouns = [...sums.keys()];
  const targets: SparseTarget[] = [...sums.values()].map(({ mass, n }) => ({ classes: [...mass.keys()], probs: [...mass.values()].map((m) => m / n) }));
  const vectors = await store.vectors(nouns);
  return buildMemory(
    nouns,
    vectors.map((v) => centred(v, centre)),
    targets,
    centre.length,
  );
}

/**
 * Mean neighbour distribution of a phrase's open candidates that the encoder knows by themselves
 * (a non-zero vector) and that name a quality; null when there are none.
 */
export function derivedVote(nouns: PhraseMemory, extra: PhraseCandidates, numClasses: number, opts: NeighbourOptions): Float32Array | null {
  const sum = new Float32Array(numClasses);
  let voters = 0;
  for (const [label, u] of extra.open) {
    if (extra.facts.get(label)?.thing) continue;
    const vote = neighbourDistribution(nouns, u, numClasses, opts);
    if (!vote) continue;
    for (let c = 0; c < numClasses; c++) sum[c] = (sum[c] ?? 0) + (vote[c] ?? 0);
    voters++;
  }
  if (voters === 0) return null;
  for (let c = 0; c < numClasses; c++) sum[c] = (sum[c] ?? 0) / voters;
  return sum;
}
