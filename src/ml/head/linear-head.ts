/**
 * Inference for a linear softmax head (`logits = W·x + b`) without tfjs: one C×D dot-product
 * pass, on a WebAssembly SIMD kernel for large heads (~0.2 ms for D = 768, C = 2000 here) and
 * unrolled JavaScript otherwise.
 */
import { createMatVec, type MatVecKernel } from './simd-matvec.js';

/** Weights of a linear head; `weights` is C×D row-major (row `c` belongs to class `c`). */
export interface LinearHeadWeights {
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  readonly dim: number;
  readonly numClasses: number;
}

/** A class index and its score. */
export interface Scored {
  readonly index: number;
  readonly score: number;
}

/** Checks that the arrays match the stated shape; throws a RangeError naming the mismatch. */
export function assertHeadShape(head: LinearHeadWeights): void {
  const { weights, bias, dim, numClasses } = head;
  if (!Number.isInteger(dim) || dim < 1 || !Number.isInteger(numClasses) || numClasses < 1) {
    throw new RangeError(`A linear head needs positive integer sizes, got dim ${dim} and ${numClasses} classes.`);
  }
  if (weights.length !== dim * numClasses) {
    throw new RangeError(`A linear head of ${numClasses}×${dim} needs ${dim * numClasses} weights, got ${weights.length}.`);
  }
  if (bias.length !== numClasses) throw new RangeError(`A linear head of ${numClasses} classes needs as many biases, got ${bias.length}.`);
}

/** Below this many weights the JavaScript kernel is as fast as copying into WebAssembly. */
export const SIMD_MIN_WEIGHTS = 16_384;

/**
 * SIMD kernels by weight array. Weights are never changed in place once a head exists (training
 * returns new arrays), so a kernel's copy stays valid; the map is weak, so a kernel is freed with
 * its model. This is a memo of a pure function of the array, not state that changes results.
 */
const kernels = new WeakMap<Float32Array, MatVecKernel | null>();

/**
 * Records that `kernel` already holds `weights` (its `matrix` view, row-major `rows × dim`), so
 * `logits` over that array uses it instead of building a copy.
 */
export function shareKernel(weights: Float32Array, kernel: MatVecKernel): void {
  kernels.set(weights, kernel);
}

/** The SIMD kernel for `weights` as a `rows × dim` matrix (built on first use), or null. */
export function kernelFor(weights: Float32Array, rows: number, dim: number): MatVecKernel | null {
  let kernel = kernels.get(weights);
  if (kernel === undefined || (kernel !== null && (kernel.rows !== rows || kernel.dim !== dim))) {
    kernel = createMatVec(weights, rows, dim);
    kernels.set(weights, kernel);
  }
  return kernel;
}

/**
 * Class scores `W·x + b` for one embedding, written into `out` (no allocation when `out` is
 * given). Large heads run on the SIMD kernel, small ones on {@link logitsJs}; both give the same
 * scores up to float rounding (the order of the sums differs).
 */
export function logits(head: LinearHeadWeights, x: Float32Array, out: Float32Array = new Float32Array(head.numClasses)): Float32Array {
  const { weights, bias, dim, numClasses } = head;
  if (x.length !== dim) throw new RangeError(`The embedding has ${x.length} dimensions; the head expects ${dim}.`);
  if (dim * numClasses >= SIMD_MIN_WEIGHTS) {
    const kernel = kernelFor(weights, numClasses, dim);
    if (kernel !== null) return kernel.run(x, out, bias);
  }
  return logitsJs(head, x, out);
}

/**
 * Class scores `W·x + b` in plain JavaScript. Four rows at a time, two dimensions per step: each
 * `x` value is loaded once for four rows and eight independent sums keep V8's floating-point
 * pipeline busy (measured ~1.5× faster than one row with four sums, ~4× a plain loop).
 */
export function logitsJs(head: LinearHeadWeights, x: Float32Array, out: Float32Array = new Float32Array(head.numClasses)): Float32Array {
  const { weights: w, bias, dim, numClasses } = head;
  if (x.length !== dim) throw new RangeError(`The embedding has ${x.length} dimensions; the head expects ${dim}.`);
  const even = dim - (dim % 2);
  let c = 0;
  for (; c + 3 < numClasses; c += 4) {
    const r0 = c * dim;
    const r1 = r0 + dim;
    const r2 = r1 + dim;
    const r3 = r2 + dim;
    let a0 = 0, a1 = 0, b0 = 0, b1 = 0, c0 = 0, c1 = 0, d0 = 0, d1 = 0;
    for (let d = 0; d < even; d += 2) {
      const x0 = x[d]!;
      const x1 = x[d + 1]!;
      a0 += w[r0 + d]! * x0;
      a1 += w[r0 + d + 1]! * x1;
      b0 += w[r1 + d]! * x0;
      b1 += w[r1 + d + 1]! * x1;
      c0 += w[r2 + d]! * x0;
      c1 += w[r2 + d + 1]! * x1;
      d0 += w[r3 + d]! * x0;
      d1 += w[r3 + d + 1]! * x1;
    }
    if (even < dim) {
      const xl = x[even]!;
      a0 += w[r0 + even]! * xl;
      b0 += w[r1 + even]! * xl;
      c0 += w[r2 + even]! * xl;
      d0 += w[r3 + even]! * xl;
    }
    out[c] = bias[c]! + a0 + a1;
    out[c + 1] = bias[c + 1]! + b0 + b1;
    out[c + 2] = bias[c + 2]! + c0 + c1;
    out[c + 3] = bias[c + 3]! + d0 + d1;
  }
  for (; c < numClasses; c++) {
    const row = c * dim;
    let sum = bias[c]!;
    for (let d = 0; d < dim; d++) sum += w[row + d]! * x[d]!;
    out[c] = sum;
  }
  return out;
}

/** Softmax, shifted by the maximum so large logits cannot overflow. */
export function softmax(scores: Float32Array, out = new Float32Array(scores.length)): Float32Array {
  let max = -Infinity;
  for (const s of scores) if (s > max) max = s;
  let sum = 0;
  for (let i = 0; i < scores.length; i++) {
    const e = Math.exp(scores[i]! - max);
    out[i] = e;
    sum += e;
  }
  for (let i = 0; i < out.length; i++) out[i] = out[i]! / sum;
  return out;
}

/**
 * The `k` highest scores, best first (ties: lower index first). Keeps a small sorted buffer, so
 * it costs O(n·k) at worst and about O(n) for the usual k ≤ 10.
 */
export function topK(scores: ArrayLike<number>, k: number): Scored[] {
  const size = Math.max(0, Math.min(Math.floor(k), scores.length));
  const best: Scored[] = [];
  if (size === 0) return best;
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i]!;
    if (Number.isNaN(score)) continue;
    if (best.length === size && score <= best[size - 1]!.score) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.score < score) at--;
    best.splice(at, 0, { index: i, score });
    if (best.length > size) best.pop();
  }
  return best;
}

/** The `k` most probable classes for one embedding, with softmax probabilities. */
export function predictTopK(head: LinearHeadWeights, x: Float32Array, k: number): Scored[] {
  return topK(softmax(logits(head, x)), k);
}
