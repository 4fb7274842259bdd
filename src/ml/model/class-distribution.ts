import { phraseWords } from '../../core/text.js';
import { FEATURE_COUNT, NEAREST, openFeatures, openLabels, phraseFeatures } from './features.js';
import { phraseScale } from './multi-word.js';
import type { PhraseCandidates } from './open-candidates.js';
import { synonymName } from './open-synonyms.js';
import { refineScores } from './refine-scores.js';
import { softmaxInPlace, stackedScores } from './stacker.js';
import { defaultStack, labelIndex, type ScoringModel } from './scoring-model.js';
import { scratchFor } from './scoring-scratch.js';

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
 * noun one of its values; open labels that are synonyms are one answer (`open-synonyms.ts`). A
 * phrase of several words has its scores multiplied by the model's fitted multi-word scale
 * (`multi-word.ts`). What people taught about the phrase is mixed in.
 */
export function phraseDistribution(model: ScoringModel, x: Float32Array, phrase?: string, extra?: PhraseCandidates): PhraseDistribution {
  const { open, p } = phraseDistributionInScratch(model, x, phrase, extra);
  return { open, p: p.slice() };
}

/**
 * {@link phraseDistribution} computed in the model's scratch arrays (`scoring-scratch.ts`): `p`
 * is valid until the model scores its next phrase (callers that keep it copy it).
 */
export function phraseDistributionInScratch(model: ScoringModel, x: Float32Array, phrase?: string, extra?: PhraseCandidates): PhraseDistribution {
  const c = model.labels.length;
  const scratch = scratchFor(model, x.length, NEAREST.length, FEATURE_COUNT);
  const labels = openLabels(model, extra);
  const rows = c + (extra ? labels.length : 0);
  scratch.reserve(rows);
  phraseFeatures(model, x, phrase, extra, scratch);
  if (extra && labels.length > 0) openFeatures(model, x, labels, extra, scratch.featureRows(rows, c), scratch.u);
  const f = scratch.features.subarray(0, rows * FEATURE_COUNT);
  const w = model.stack ?? defaultStack(model);
  const all = stackedScores(f, w, scratch.scoreRows(rows));
  refineScores(scratch, f, w, all, c);
  const scale = phraseScale(model, phrase, extra);
  if (scale !== 1) for (let j = 0; j < all.length; j++) all[j] = (all[j] ?? 0) * scale;
  softmaxInPlace(all);
  const index = labelIndex(model);
  // Open labels that are a kind of a class go into it; a synonym of an earlier open label joins
  // it (`open-synonyms.ts`); the others move up, in order, after the classes.
  const open: string[] = [];
  const bySense = new Map<number, number>();
  for (let i = 0; i < rows - c; i++) {
    const l = labels[i] ?? '';
    const q = all[c + i] ?? 0;
    const facts = extra?.facts.get(l);
    const into = (facts?.parents ?? []).map((parent) => index.get(parent)).find((cls) => cls !== undefined);
    const synonym = facts?.sense === undefined ? undefined : bySense.get(facts.sense);
    if (into !== undefined) all[into] = (all[into] ?? 0) + q;
    else if (synonym !== undefined) {
      all[c + synonym] = (all[c + synonym] ?? 0) + q;
      open[synonym] = synonymName(open[synonym] ?? l, l, extra?.content ?? (phrase === undefined ? [] : phraseWords(phrase)), (w) => extra?.facts.get(w)?.uses ?? 0);
    } else {
      if (facts?.sense !== undefined) bySense.set(facts.sense, open.length);
      all[c + open.length] = q;
      open.push(l);
    }
  }
  const p = all.subarray(0, c + open.length);
  // What people taught for the phrase, or for its bare words ("very chonky!!" is "very chonky").
  const taught = phrase === undefined ? undefined : (model.taught?.get(phrase) ?? model.taught?.get(phraseWords(phrase).join(' ')));
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
  const { p } = phraseDistributionInScratch(model, x, phrase, extra);
  const out = p.slice(0, model.labels.length);
  let sum = 0;
  for (const v of out) sum += v;
  if (sum > 0) for (let j = 0; j < out.length; j++) out[j] = (out[j] ?? 0) / sum;
  return out;
}
