/**
 * The scoring part of `bench:predict` (issue 17): the whole scoring call's p50, and where its time
 * goes stage by stage.
 */
import { performance } from 'node:perf_hooks';
import { logits } from '../src/ml/head/linear-head.js';
import { nearestRows } from '../src/ml/model/phrase-memory.js';
import { rank } from '../src/ml/model/rank.js';
import { centred, type ScoringModel } from '../src/ml/model/scoring-model.js';

/** Milliseconds rounded to the microsecond, as the bench prints them. */
export const ms = (v: number) => Math.round(v * 1000) / 1000;
/** The median (the upper one of an even count). */
export const p50 = (xs: readonly number[]) => ms([...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0);

/** p50 of the whole scoring call (`rank`) of `model` over 300 calls, the first 50 left out. */
export function scoringP50(model: ScoringModel, x: Float32Array): number {
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    rank(model, x, 5, undefined, 'very chonky');
    times.push(performance.now() - t);
  }
  return p50(times.slice(50));
}

/**
 * Where one scoring call's time goes, stage by stage in the order the call runs them (so each
 * stage finds the caches as the others leave them): the head's and the label vectors' matrix ×
 * vector, the memory's nearest rows, and the rest (features, stacker, labels) as the difference.
 */
export function scoringStages(model: ScoringModel, x: Float32Array) {
  const c = model.labels.length;
  const head = model.head!;
  const labelsHead = { weights: model.labelVectors, bias: new Float32Array(c), dim: x.length, numClasses: c };
  const out = new Float32Array(c);
  const u = centred(x, model.centre);
  const stages = { head: [] as number[], cosine: [] as number[], memory: [] as number[] };
  for (let i = 0; i < 300; i++) {
    let t = performance.now();
    logits(labelsHead, u, out);
    stages.cosine.push(performance.now() - t);
    t = performance.now();
    logits(head, x, out);
    stages.head.push(performance.now() - t);
    t = performance.now();
    if (model.memory) nearestRows(model.memory, u, 20);
    stages.memory.push(performance.now() - t);
  }
  return { head_p50_ms: p50(stages.head.slice(50)), cosine_p50_ms: p50(stages.cosine.slice(50)), memory_p50_ms: p50(stages.memory.slice(50)) };
}
