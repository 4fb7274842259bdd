/**
 * Matrix × vector at the machine's limit from JavaScript: the rows are copied once into a
 * WebAssembly SIMD module's memory (rows zero-padded to a multiple of 8 floats), and each product then costs
 * one copy of `x` in, one kernel call and one read of the scores out. Nothing is allocated per
 * call. V8 does not vectorise plain loops, so this is ~3–4× the best unrolled JavaScript here.
 */
import { simdModuleBytes } from './simd-module.js';

/** A matrix bound to a compiled kernel; `scores` is its output, valid until the next call. */
export interface MatVecKernel {
  readonly rows: number;
  readonly dim: number;
  /**
   * The matrix inside the kernel's memory, row-major with {@link paddedDim} floats per row (plus
   * three zero rows at the end). Writing it changes what the kernel computes.
   */
  readonly matrix: Float32Array;
  /** The kernel's output, one score per row (plus padding): valid for the rows of the last scan. */
  readonly scores: Float32Array;
  /** Loads the query vector (copied into the kernel's memory, zero-padded). */
  setQuery(x: Float32Array): void;
  /**
   * Scores rows `[start, start + count)` against the loaded query into `scores` (up to three
   * rows past the range are scored too, harmlessly: the kernel works on 4-row blocks).
   */
  scanRows(start: number, count: number): void;
  /**
   * Row `row` against the loaded query: bit for bit the score {@link scanRows} gives it, reading
   * only that row (its block's four slots all score it; `scores[row..row+3]` are overwritten).
   */
  scoreRow(row: number): number;
  /** `out[r] = W[r]·x + bias[r]` for every row (bias optional); returns `out`. */
  run(x: Float32Array, out: Float32Array, bias?: Float32Array): Float32Array;
}

interface Exports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  readonly matvec: (w: number, x: number, out: number, blocks: number, pairs: number, stride: number) => void;
}

/** The part of the WebAssembly API used here (the project's TypeScript lib has no DOM types). */
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object) => { readonly exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/**
 * The compiled module, or null where WebAssembly SIMD is unavailable. Compiled once at import:
 * it is immutable code (each kernel gets its own instance and memory), so sharing it shares no state.
 */
const SIMD_MODULE: object | null = (() => {
  const bytes = simdModuleBytes();
  return wasm?.validate(bytes) === true ? new wasm.Module(bytes) : null;
})();

function simdModule(): object | null {
  return SIMD_MODULE;
}

/** Whether {@link createMatVec} can build a SIMD kernel here. */
export function simdAvailable(): boolean {
  return simdModule() !== null;
}

/** The kernel's dimension: a multiple of 8 (two f32x4 per step). */
export function paddedDim(dim: number): number {
  return Math.ceil(dim / 8) * 8;
}

/**
 * Builds a kernel for the row-major `rows × dim` matrix `weights` (copied: later changes to
 * `weights` are not seen). Returns null where WebAssembly SIMD is unavailable.
 */
export function createMatVec(weights: Float32Array, rows: number, dim: number): MatVecKernel | null {
  if (weights.length < rows * dim) throw new RangeError(`A ${rows}×${dim} matrix needs ${rows * dim} floats, got ${weights.length}.`);
  const kernel = allocateMatVec(rows, dim);
  if (kernel === null) return null;
  const dimP = paddedDim(dim);
  if (dimP === dim) kernel.matrix.set(weights.subarray(0, rows * dim));
  else for (let r = 0; r < rows; r++) kernel.matrix.set(weights.subarray(r * dim, (r + 1) * dim), r * dimP);
  return kernel;
}

/**
 * A kernel over a zero `rows × dim` matrix for the caller to fill through `matrix` (no copy of a
 * second matrix; with `dim` a multiple of 8, `matrix` is plainly row-major `rows × dim`).
 * Returns null where WebAssembly SIMD is unavailable.
 */
export function allocateMatVec(rows: number, dim: number): MatVecKernel | null {
  const module = simdModule();
  if (module === null || rows < 1 || dim < 1) return null;
  const { memory, matvec } = new wasm!.Instance(module).exports as Exports;
  const dimP = paddedDim(dim);
  // Three spare rows: a scan of any range rounds up to whole 4-row blocks.
  const allRows = Math.ceil((rows + 3) / 4) * 4;
  // Layout (floats): query [dimP] | scores [allRows] | matrix [allRows × dimP], 16-byte aligned.
  const outAt = dimP;
  const wAt = outAt + allRows;
  const pages = Math.ceil(((wAt + allRows * dimP) * 4) / 65536);
  if (pages > 1) memory.grow(pages - 1);
  const heap = new Float32Array(memory.buffer);
  const query = heap.subarray(0, dimP);
  const scores = heap.subarray(outAt, outAt + allRows);
  const matrix = heap.subarray(wAt, wAt + allRows * dimP);
  const pairs = dimP / 8;
  const stride = dimP * 4;

  const kernel: MatVecKernel = {
    rows,
    dim,
    matrix,
    scores,
    setQuery(x) {
      if (x.length !== dim) throw new RangeError(`The vector has ${x.length} dimensions; the matrix expects ${dim}.`);
      query.set(x);
    },
    scanRows(start, count) {
      if (count <= 0) return;
      matvec((wAt + start * dimP) * 4, 0, (outAt + start) * 4, Math.ceil(count / 4), pairs, stride);
    },
    scoreRow(row) {
      // Stride 0: the block's four row pointers are this row, so the accumulators and their order
      // are those of a full scan.
      matvec((wAt + row * dimP) * 4, 0, (outAt + row) * 4, 1, pairs, 0);
      return scores[row]!;
    },
    run(x, out, bias) {
      kernel.setQuery(x);
      kernel.scanRows(0, rows);
      if (bias === undefined) for (let r = 0; r < rows; r++) out[r] = scores[r]!;
      else for (let r = 0; r < rows; r++) out[r] = scores[r]! + bias[r]!;
      return out;
    },
  };
  return kernel;
}
