/**
 * Exact nearest rows at a quarter of the memory traffic: a first pass scores every row from an
 * int8 copy (one scale per row) against an int16 copy of the query, each approximate score with a
 * proven bound on its distance from the float kernel's score; only rows whose bound reaches the
 * k-th best lower bound can be among the k best, and only those are scored again on the float
 * kernel (bit for bit what a full scan gives them). The result is the full scan's, ties and order
 * included: a row left out scores strictly below k rows that were kept.
 * The bound is `int8-quantize.ts`'s.
 */
import { allocateInt8MatVec, type Int8MatVec } from '../int8-matvec.js';
import { quantizeQuery, quantizeRows, TINY, WIDEN } from '../int8-quantize.js';
import { paddedDim, type MatVecKernel } from '../simd-matvec.js';
import type { TopKBuffer } from './top-k-buffer.js';

/** A memory this small is scanned on the float kernel alone (the first pass would not pay). */
export const PREFILTER_MIN_ROWS = 512;
/** Largest k the first pass keeps lower bounds for; a larger k scans on the float kernel. */
const MAX_K = 64;

/** Rows `[start, start + count)` of a search, scanned and offered in the order given. */
export interface RowRange {
  start: number;
  count: number;
}

/** The first pass over a float kernel's rows (see the module comment). */
export interface Int8Prefilter {
  /**
   * Fills `out` (reset to `k`) with the best rows of the first `used` (default: all) `ranges`
   * for the query `u`: the same rows, scores and order as offering every row of the ranges, in
   * order, from a float scan.
   */
  search(u: Float32Array, k: number, out: TopKBuffer, ranges: readonly RowRange[], used?: number): void;
  /** Rows the last search scored on the float kernel (all of them when it fell back to a full scan). */
  readonly rescored: number;
}

/**
 * Quantizes the `rows` rows held by `kernel` (row-major, {@link paddedDim} floats per row).
 * Returns null where the int8 kernel is unavailable.
 */
export function buildInt8Prefilter(kernel: MatVecKernel, rows: number, dim: number): Int8Prefilter | null {
  const codes = allocateInt8MatVec(rows, dim);
  if (codes === null) return null;
  const dimP = paddedDim(dim);
  const { scale, codedNorm, residual } = quantizeRows(codes, (r) => kernel.matrix.subarray(r * dimP, r * dimP + dim), rows, dimP);
  return prefilter(kernel, codes, scale, codedNorm, residual, rows);
}

function prefilter(kernel: MatVecKernel, codes: Int8MatVec, scale: Float64Array, codedNorm: Float64Array, residual: Float64Array, rows: number): Int8Prefilter {
  const approx = new Float64Array(rows);
  const lowers = new Float64Array(MAX_K);
  const dim = codes.dim;
  /** Loads `u` into both kernels; returns [query scale, ‖δ‖, ‖u‖]. */
  const load = (u: Float32Array): [number, number, number] => {
    kernel.setQuery(u);
    return quantizeQuery(codes, u);
  };
  let rescored = 0;
  const fullScan = (k: number, out: TopKBuffer, ranges: readonly RowRange[], used: number) => {
    out.reset(k);
    rescored = 0;
    for (let i = 0; i < used; i++) {
      const { start, count } = ranges[i]!;
      rescored += count;
      kernel.scanRows(start, count);
      out.offerRange(kernel.scores, start, count, start);
    }
  };
  return {
    get rescored() {
      return rescored;
    },
    search(u, k, out, ranges, used = ranges.length) {
      if (u.length !== dim) throw new RangeError(`The vector has ${u.length} dimensions; the rows have ${dim}.`);
      if (k > MAX_K || k < 1) {
        kernel.setQuery(u);
        fullScan(k, out, ranges, used);
        return;
      }
      const [t, delta, norm] = load(u);
      // First pass: approximate scores, and the k-th best lower bound.
      let held = 0;
      let scanned = 0;
      for (let i = 0; i < used; i++) {
        const { start, count } = ranges[i]!;
        codes.scanRows(start, count);
        scanned += count;
        for (let r = start; r < start + count; r++) {
          const a = t * scale[r]! * codes.scores[r]!;
          approx[r] = a;
          const low = a - (delta * codedNorm[r]! + norm * residual[r]!) * WIDEN - TINY;
          if (held < k) held++;
          else if (!(low > lowers[k - 1]!)) continue;
          let at = held - 1;
          while (at > 0 && lowers[at - 1]! < low) {
            lowers[at] = lowers[at - 1]!;
            at--;
          }
          lowers[at] = low;
        }
      }
      const floor = held < k ? -Infinity : lowers[k - 1]!;
      // Second pass: every row whose upper bound reaches the floor, scored exactly, in scan order.
      out.reset(k);
      rescored = 0;
      const limit = Math.max(4 * MAX_K, scanned >> 3);
      for (let i = 0; i < used; i++) {
        const { start, count } = ranges[i]!;
        for (let r = start; r < start + count; r++) {
          const high = approx[r]! + (delta * codedNorm[r]! + norm * residual[r]!) * WIDEN + TINY;
          if (high < floor) continue;
          // The bounds are too loose for this query (ties everywhere, e.g. a zero query): scan it all.
          if (++rescored > limit) return fullScan(k, out, ranges, used);
          out.offer(r, kernel.scoreRow(r));
        }
      }
    },
  };
}
