import { isStopWord } from '../encoder/glove/stop-words.js';
import { logits, softmax } from '../head/linear-head.js';
import { affixRelatives } from './affix-relatives.js';
import { BLEND, PROBABILITY_FLOOR, type BlendSettings } from './blend-settings.js';
import { neighbourDistribution, rowsDistribution, type PhraseMemory } from './phrase-memory.js';
import { centred, labelIndex, type ScoringModel } from './scoring-model.js';

/** The head's (or, before any head, the zero-shot cosine's) softmax over the model's classes. */
function headDistribution(model: ScoringModel, x: Float32Array, u: Float32Array): Float32Array {
  const c = model.labels.length;
  // The label matrix is a bias-free linear layer over the centred phrase: reuse the fast kernel.
  const cos = logits({ weights: model.labelVectors, bias: new Float32Array(c), dim: x.length, numClasses: c }, u);
  if (!model.head) {
    for (let j = 0; j < c; j++) cos[j] = (cos[j] ?? 0) * model.cosineWeight;
    return softmax(cos);
  }
  const scores = logits(model.head, x);
  for (let j = 0; j < c; j++) scores[j] = (scores[j] ?? 0) + model.cosineWeight * (cos[j] ?? 0);
  return softmax(scores);
}

/**
 * Memory rows related to a phrase by form: for each content word, the word itself when the phrase
 * is more than that word ("boiling hot" → hot), and its affix relatives (unkind → kind).
 */
export function relativeRows(memory: PhraseMemory, phrase: string): number[] {
  const rows = new Set<number>();
  for (const word of phrase.split(' ')) {
    if (word === '' || isStopWord(word)) continue;
    const forms = word === phrase ? affixRelatives(word) : [word, ...affixRelatives(word)];
    for (const form of forms) {
      const row = memory.byPhrase.get(form);
      if (row !== undefined) rows.add(row);
    }
  }
  return [...rows];
}

function blendInto(p: Float32Array, q: Float32Array | null, weight: number): void {
  if (!q) return;
  for (let j = 0; j < p.length; j++) p[j] = (1 - weight) * (p[j] ?? 0) + weight * (q[j] ?? 0);
}

/** Uniform over the classes named by `hints` (null when none is a class). */
function hintDistribution(model: ScoringModel, hints: readonly string[]): Float32Array | null {
  const index = labelIndex(model);
  const hit = new Set(hints.flatMap((h) => index.get(h) ?? []));
  if (hit.size === 0) return null;
  const out = new Float32Array(model.labels.length);
  for (const c of hit) out[c] = 1 / hit.size;
  return out;
}

/** What a phrase's morphology candidates add to its class distribution. */
export interface MorphologyVotes {
  /** Labels the candidates' hypernyms name (see `CandidateFacts.hints`). */
  readonly hints?: readonly string[];
  /** The derived nouns' vote (see `derived-nouns.ts`). */
  readonly derived?: Float32Array | null;
}

/**
 * Probability of each class for a phrase vector: the head's softmax, blended with the vote of
 * the nearest trained phrases, of the phrase's trained relatives and its own target when it was
 * trained on (when `phrase` is given), and of what its morphology candidates say.
 */
export function classDistribution(model: ScoringModel, x: Float32Array, phrase?: string, blend: BlendSettings = BLEND, morphology: MorphologyVotes = {}): Float32Array {
  const u = centred(x, model.centre);
  const p = headDistribution(model, x, u);
  const memory = model.memory;
  const c = model.labels.length;
  if (memory) {
    blendInto(p, neighbourDistribution(memory, u, c, { k: blend.neighbours, temperature: blend.temperature }), blend.neighbourWeight);
    if (phrase !== undefined) {
      blendInto(p, rowsDistribution(memory, relativeRows(memory, phrase), c), blend.relativeWeight);
      // A trained phrase keeps what it was taught, even where a near-identical neighbour (chubby
      // for "very chubby") was taught otherwise.
      const self = memory.byPhrase.get(phrase);
      if (self !== undefined) blendInto(p, rowsDistribution(memory, [self], c), blend.selfWeight);
    }
  }
  blendInto(p, hintDistribution(model, morphology.hints ?? []), blend.hintWeight);
  blendInto(p, morphology.derived?.length === c ? morphology.derived : null, blend.derivedWeight);
  return p;
}

/** Log-probability of each class (see {@link classDistribution}); softmax of it gives it back. */
export function scoreAll(model: ScoringModel, x: Float32Array, phrase?: string, blend: BlendSettings = BLEND, morphology: MorphologyVotes = {}): Float32Array {
  const p = classDistribution(model, x, phrase, blend, morphology);
  for (let j = 0; j < p.length; j++) p[j] = Math.log((p[j] ?? 0) + PROBABILITY_FLOOR);
  return p;
}
