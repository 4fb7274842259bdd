/**
 * The int8 copy of float rows and the int16 copy of a query that the int8 kernel scores, with the
 * terms of a proven bound on how far its score can be from the float kernel's.
 *
 * For row v (scale s, codes q, v = s·q + e) and query u (scale t, codes Q, u = t·Q + δ):
 * u·v − s·t·(Q·q) = s·(δ·q) + u·e, so |error| ≤ ‖δ‖·‖s·q‖ + ‖u‖·‖e‖, plus the float kernel's own
 * rounding (≤ dim · 2⁻²⁴ · ‖u‖·‖v‖). Shared by the memory's first pass (`nearest/int8-prefilter.ts`)
 * and the head's (`int8-scores.ts`).
 */
import type { Int8MatVec } from './int8-matvec.js';

/** Per row: its scale, ‖s·q‖, and ‖e‖ + the float rounding term (the part of the bound that scales with ‖u‖). */
export interface RowCodes {
  readonly scale: Float64Array;
  readonly codedNorm: Float64Array;
  readonly residual: Float64Array;
}

/**
 * Writes the int8 codes of rows `0..rows-1` (`rowAt(r)` gives row r's first `dim` floats) into
 * `codes`, one scale per row (its largest |value| ↦ 127). `floatDim` is the float kernel's row
 * length (its rounding term grows with it).
 */
export function quantizeRows(codes: Int8MatVec, rowAt: (r: number) => Float32Array, rows: number, floatDim: number): RowCodes {
  const dim = codes.dim;
  const scale = new Float64Array(rows);
  const codedNorm = new Float64Array(rows);
  const residual = new Float64Array(rows);
  const rounding = floatDim * 2 ** -24;
  const row = new Int8Array(dim);
  for (let r = 0; r < rows; r++) {
    const v = rowAt(r);
    let max = 0;
    for (let d = 0; d < dim; d++) max = Math.max(max, Math.abs(v[d]!));
    const s = max / 127;
    const inv = s === 0 ? 0 : 1 / s;
    let coded = 0;
    let err = 0;
    let norm = 0;
    for (let d = 0; d < dim; d++) {
      const x = v[d]!;
      // |x · inv| ≤ 127 up to rounding; the clamp only guards that rounding.
      const q = Math.max(-127, Math.min(127, Math.round(x * inv)));
      row[d] = q;
      coded += (s * q) ** 2;
      err += (x - s * q) ** 2;
      norm += x * x;
    }
    codes.setRow(r, row);
    scale[r] = s;
    codedNorm[r] = Math.sqrt(coded);
    residual[r] = Math.sqrt(err) + rounding * Math.sqrt(norm);
  }
  return { scale, codedNorm, residual };
}

/** Loads the int16 codes of `u` into `codes.query`; returns [its scale t, ‖δ‖, ‖u‖]. */
export function quantizeQuery(codes: Int8MatVec, u: Float32Array): [number, number, number] {
  const dim = codes.dim;
  let max = 0;
  for (let d = 0; d < dim; d++) max = Math.max(max, Math.abs(u[d]!));
  const t = max / codes.queryLimit;
  let delta = 0;
  let norm = 0;
  for (let d = 0; d < dim; d++) {
    const x = u[d]!;
    const q = t === 0 ? 0 : Math.round(x / t);
    codes.query[d] = q;
    delta += (x - t * q) ** 2;
    norm += x * x;
  }
  return [t, Math.sqrt(delta), Math.sqrt(norm)];
}

/** Slack for the float64 arithmetic of the bounds themselves: bound = (…) · WIDEN + TINY. */
export const WIDEN = 1 + 1e-9;
export const TINY = 1e-12;
