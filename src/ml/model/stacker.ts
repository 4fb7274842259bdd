/**
 * The scorer's feature weights: one weight per feature (`features.ts`), shared by every class, so
 * a class's score is `w · features(class)` and its probability the softmax over classes. Fitted by
 * minimizing the cross-entropy of held-out phrases (predictions of a head that never saw them), so
 * the weights — and the scale of the probabilities, i.e. their calibration — come from data, for
 * whichever encoder is active. Convex in `w`: a damped Newton method converges in a few steps.
 */
import { FEATURE_COUNT } from './features.js';
import type { SparseTarget } from './phrase-memory.js';

/** One held-out phrase: its C×F features, its target and its weight in the loss. */
export interface StackRow {
  features: Float32Array;
  target: SparseTarget;
  weight: number;
}

/** L2 penalty on the weights (per unit of row weight): keeps an unused feature's weight at zero. */
export const STACK_L2 = 1e-3;

/** Class probabilities for features `f` (C×F) under weights `w`. */
export function stackedProbabilities(f: Float32Array, w: ArrayLike<number>, out?: Float32Array): Float32Array {
  return softmaxInPlace(stackedScores(f, w, out));
}

/** Each class's score `w · features(class)` for features `f` (C×F). */
export function stackedScores(f: Float32Array, w: ArrayLike<number>, out?: Float32Array): Float32Array {
  const c = f.length / FEATURE_COUNT;
  const p = out ?? new Float32Array(c);
  for (let j = 0; j < c; j++) p[j] = rowScore(f, w, j);
  return p;
}

/** Class `j`'s score `w · features(j)`. */
export function rowScore(f: Float32Array, w: ArrayLike<number>, j: number): number {
  let s = 0;
  for (let k = 0; k < FEATURE_COUNT; k++) s += (w[k] ?? 0) * (f[j * FEATURE_COUNT + k] ?? 0);
  return s;
}

/** Scores → probabilities in place (shifted by the maximum, so nothing overflows). */
export function softmaxInPlace(p: Float32Array): Float32Array {
  let max = -Infinity;
  for (const v of p) if (v > max) max = v;
  let sum = 0;
  for (let j = 0; j < p.length; j++) {
    const e = Math.exp((p[j] ?? 0) - max);
    p[j] = e;
    sum += e;
  }
  for (let j = 0; j < p.length; j++) p[j] = (p[j] ?? 0) / sum;
  return p;
}

/** Mean weighted cross-entropy of the rows under `w` (plus the L2 term). */
export function stackLoss(rows: readonly StackRow[], w: ArrayLike<number>): number {
  let loss = 0;
  let total = 0;
  for (const r of rows) {
    const p = stackedProbabilities(r.features, w);
    r.target.classes.forEach((c, i) => {
      loss -= r.weight * (r.target.probs[i] ?? 0) * Math.log(Math.max(p[c] ?? 0, 1e-12));
    });
    total += r.weight;
  }
  let l2 = 0;
  for (let k = 0; k < FEATURE_COUNT; k++) l2 += (w[k] ?? 0) ** 2;
  return loss / (total || 1) + STACK_L2 * l2;
}

/** Solves A x = b (F×F, symmetric positive definite after damping) by Gaussian elimination. */
function solve(a: Float64Array, b: Float64Array, n: number): Float64Array {
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  for (let i = 0; i < n; i++) {
    let piv = i;
    for (let r = i + 1; r < n; r++) if (Math.abs(m[r * n + i] ?? 0) > Math.abs(m[piv * n + i] ?? 0)) piv = r;
    if (piv !== i) {
      for (let k = 0; k < n; k++) [m[i * n + k], m[piv * n + k]] = [m[piv * n + k] ?? 0, m[i * n + k] ?? 0];
      [x[i], x[piv]] = [x[piv] ?? 0, x[i] ?? 0];
    }
    const d = m[i * n + i] ?? 1;
    for (let r = i + 1; r < n; r++) {
      const f = (m[r * n + i] ?? 0) / d;
      if (f === 0) continue;
      for (let k = i; k < n; k++) m[r * n + k] = (m[r * n + k] ?? 0) - f * (m[i * n + k] ?? 0);
      x[r] = (x[r] ?? 0) - f * (x[i] ?? 0);
    }
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i] ?? 0;
    for (let k = i + 1; k < n; k++) s -= (m[i * n + k] ?? 0) * (x[k] ?? 0);
    x[i] = s / (m[i * n + i] ?? 1);
  }
  return x;
}

/**
 * Fits the feature weights on held-out rows, starting from `start` (Newton steps with a
 * backtracking line search; stops when the loss no longer falls).
 */
export function fitStacker(rows: readonly StackRow[], start: ArrayLike<number>, maxSteps = 30): Float32Array {
  const F = FEATURE_COUNT;
  let w = Float64Array.from({ length: F }, (_, k) => start[k] ?? 0);
  let loss = stackLoss(rows, w);
  const total = rows.reduce((a, r) => a + r.weight, 0) || 1;
  for (let step = 0; step < maxSteps; step++) {
    const g = new Float64Array(F);
    const h = new Float64Array(F * F);
    const mean = new Float64Array(F);
    for (const r of rows) {
      const p = stackedProbabilities(r.features, w);
      const c = p.length;
      const s = r.weight / total;
      mean.fill(0);
      for (let j = 0; j < c; j++) for (let k = 0; k < F; k++) mean[k] = (mean[k] ?? 0) + (p[j] ?? 0) * (r.features[j * F + k] ?? 0);
      for (let k = 0; k < F; k++) g[k] = (g[k] ?? 0) + s * (mean[k] ?? 0);
      r.target.classes.forEach((cls, i) => {
        for (let k = 0; k < F; k++) g[k] = (g[k] ?? 0) - s * (r.target.probs[i] ?? 0) * (r.features[cls * F + k] ?? 0);
      });
      for (let j = 0; j < c; j++) {
        const pj = p[j] ?? 0;
        if (pj < 1e-7) continue;
        for (let a = 0; a < F; a++) {
          const da = (r.features[j * F + a] ?? 0) - (mean[a] ?? 0);
          if (da === 0) continue;
          for (let b = a; b < F; b++) h[a * F + b] = (h[a * F + b] ?? 0) + s * pj * da * ((r.features[j * F + b] ?? 0) - (mean[b] ?? 0));
        }
      }
    }
    for (let a = 0; a < F; a++) {
      for (let b = 0; b < a; b++) h[a * F + b] = h[b * F + a] ?? 0;
      g[a] = (g[a] ?? 0) + 2 * STACK_L2 * (w[a] ?? 0);
      h[a * F + a] = (h[a * F + a] ?? 0) + 2 * STACK_L2 + 1e-9;
    }
    const delta = solve(h, g, F);
    let t = 1;
    let next = w;
    let nextLoss = loss;
    for (let tries = 0; tries < 20; tries++, t /= 2) {
      const cand = w.map((v, k) => v - t * (delta[k] ?? 0));
      const l = stackLoss(rows, cand);
      if (l < loss) {
        next = cand;
        nextLoss = l;
        break;
      }
    }
    if (next === w || loss - nextLoss < 1e-7) {
      w = next;
      break;
    }
    w = next;
    loss = nextLoss;
  }
  return Float32Array.from(w);
}
