import { openFeatures, openLabels, phraseFeatures } from './features.js';
import type { PhraseCandidates } from './open-candidates.js';
import { stackedProbabilities } from './stacker.js';
import { defaultStack, labelIndex, type ScoringModel } from './scoring-model.js';

/**
 * Share of what people taught in the answer to the very phrase they taught: as much as all the
 * model's own evidence together, so a taught label is always the first answer while users agree
 * (a label with half the mass beats any other), yet the other answers keep their order.
 */
export const TAUGHT_SHARE = 0.5;

/** A phrase's distribution over the model's classes and, after them, its open labels. */
export interface PhraseDistribution {
  /** The open labels (see `openLabels`), in the order of their entries after the classes. */
  open: string[];
  /** Probabilities: the C classes, then the open labels. Sums to 1. */
  p: Float32Array;
}

/**
 * The one distribution users are shown, the quiz ranks and the gate evaluates: the softmax of the
 * fitted feature weights over the phrase's evidence (`features.ts`, `stacker.ts`), over the
 * classes and the phrase's open labels. An open label that is first of all a kind of a class
 * (tardiness → timing, saltiness → taste) is one answer with it: the class is the attribute, the
 * noun one of its values. What people taught about the phrase is mixed in.
 */
export function phraseDistribution(model: ScoringModel, x: Float32Array, phrase?: string, extra?: PhraseCandidates): PhraseDistribution {
  const c = model.labels.length;
  const classF = phraseFeatures(model, x, phrase, extra);
  const labels = openLabels(model, extra);
  const f = labels.length > 0 && extra ? concat(classF, openFeatures(model, x, labels, extra)) : classF;
  const all = stackedProbabilities(f, model.stack ?? defaultStack(model));
  const index = labelIndex(model);
  const open: string[] = [];
  const openP: number[] = [];
  labels.forEach((l, i) => {
    const q = all[c + i] ?? 0;
    const into = (extra?.facts.get(l)?.parents ?? []).map((parent) => index.get(parent)).find((cls) => cls !== undefined);
    if (into !== undefined) all[into] = (all[into] ?? 0) + q;
    else {
      open.push(l);
      openP.push(q);
    }
  });
  const p = new Float32Array(c + open.length);
  p.set(all.subarray(0, c));
  p.set(openP, c);
  const taught = phrase === undefined ? undefined : model.taught?.get(phrase);
  if (taught) {
    for (let j = 0; j < p.length; j++) p[j] = (1 - TAUGHT_SHARE) * (p[j] ?? 0);
    taught.classes.forEach((cls, i) => {
      if (cls < c) p[cls] = (p[cls] ?? 0) + TAUGHT_SHARE * (taught.probs[i] ?? 0);
    });
  }
  return { open, p };
}

/** The class part of {@link phraseDistribution} (open labels left out), renormalized. */
export function classDistribution(model: ScoringModel, x: Float32Array, phrase?: string, extra?: PhraseCandidates): Float32Array {
  const { p } = phraseDistribution(model, x, phrase, extra);
  const out = p.slice(0, model.labels.length);
  let sum = 0;
  for (const v of out) sum += v;
  if (sum > 0) for (let j = 0; j < out.length; j++) out[j] = (out[j] ?? 0) / sum;
  return out;
}

function concat(a: Float32Array, b: Float32Array): Float32Array {
  const out = new Float32Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
