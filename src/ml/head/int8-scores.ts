/**
 * A float matrix's scores against a query at a quarter of the memory traffic: every row from an
 * int8 copy, each with a proven bound on its distance from the float kernel's score
 * (`int8-quantize.ts`), and any row exactly on the float kernel when asked. The scorer scores
 * every class this way and then the classes that could be among the best exactly
 * (`model/refine-scores.ts`).
 */
import { allocateInt8MatVec } from './int8-matvec.js';
import { quantizeQuery, quantizeRows, TINY, WIDEN } from './int8-quantize.js';
import { kernelFor } from './linear-head.js';
import { paddedDim } from './simd-matvec.js';

/** Approximate scores of every row, and exact ones on demand. */
export interface Int8Scores {
  readonly rows: number;
  /**
   * Writes each row's approximate score against `q` into `approx` and a bound on its distance from
   * the float kernel's score into `bound`; loads `q` for {@link exact}.
   */
  scan(q: Float32Array, approx: Float32Array, bound: Float32Array): void;
  /** Row `row`'s float-kernel score against the last scanned query (what `logits` gives it, bias apart). */
  exact(row: number): number;
}

/**
 * Below this many weights (1 MiB of floats: a matrix that stays in a core's cache) the float
 * kernel alone is as fast: the int8 pass pays where the float rows stream from memory.
 */
export const INT8_MIN_WEIGHTS = 262_144;

/** Memo of a pure function of the (never mutated) weight array; freed with it. */
const memo = new WeakMap<Float32Array, Int8Scores | null>();

/**
 * The int8 scores of `weights` as a `rows × dim` row-major matrix (built on first use), or null
 * where it would not pay (see {@link INT8_MIN_WEIGHTS}) or WebAssembly SIMD is missing.
 */
export function int8ScoresFor(weights: Float32Array, rows: number, dim: number): Int8Scores | null {
  if (rows * dim < INT8_MIN_WEIGHTS || weights.length !== rows * dim) return null;
  let s = memo.get(weights);
  if (s === undefined || (s !== null && s.rows !== rows)) {
    s = build(weights, rows, dim);
    memo.set(weights, s);
  }
  return s;
}

function build(weights: Float32Array, rows: number, dim: number): Int8Scores | null {
  const float = kernelFor(weights, rows, dim);
  const codes = allocateInt8MatVec(rows, dim);
  if (float === null || codes === null) return null;
  const { scale, codedNorm, residual } = quantizeRows(codes, (r) => weights.subarray(r * dim, (r + 1) * dim), rows, paddedDim(dim));
  return {
    rows,
    scan(q, approx, bound) {
      float.setQuery(q);
      const [t, delta, norm] = quantizeQuery(codes, q);
      codes.scanRows(0, rows);
      const scores = codes.scores;
      for (let r = 0; r < rows; r++) {
        approx[r] = t * scale[r]! * scores[r]!;
        bound[r] = (delta * codedNorm[r]! + norm * residual[r]!) * WIDEN + TINY;
      }
    },
    exact: (row) => float.scoreRow(row),
  };
}
