/**
 * Int8 rows × an int16 query on the WebAssembly SIMD kernel of `simd-int8-module.ts`: exact
 * integer dot products over a quarter of the bytes of float rows. The rows live in the kernel's
 * memory (zero-padded to a multiple of 16); nothing is allocated per call.
 */
import { int8ModuleBytes } from './simd-int8-module.js';

/** An int8 matrix bound to a compiled kernel. */
export interface Int8MatVec {
  readonly rows: number;
  readonly dim: number;
  /** Bytes per row (`dim` rounded up to a multiple of 16). */
  readonly stride: number;
  /**
   * The matrix, in blocks of 4 rows whose 16-byte pieces are interleaved (see
   * `simd-int8-module.ts`; plus up to three zero rows): write it through {@link setRow}.
   */
  readonly matrix: Int8Array;
  /** The query, {@link stride} int16 values (zero past `dim`): write it, then scan. */
  readonly query: Int16Array;
  /** The kernel's output, one exact integer sum per row (plus padding), valid for the rows of the last scan. */
  readonly scores: Int32Array;
  /**
   * The largest |query value| for which no sum can overflow int32 (and at most 32,767): a
   * query scaled to it keeps the most precision.
   */
  readonly queryLimit: number;
  /** Writes row `row` (its first `dim` values; the rest stay zero). */
  setRow(row: number, values: ArrayLike<number>): void;
  /**
   * Scores rows `[start, start + count)`, and the other rows of the 4-row blocks they touch
   * (up to three before the range and three after).
   */
  scanRows(start: number, count: number): void;
}

interface Exports {
  readonly memory: { readonly buffer: ArrayBuffer; grow(pages: number): number };
  readonly dot8: (w: number, x: number, out: number, blocks: number, chunks: number, stride: number) => void;
}

interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  readonly Module: new (bytes: Uint8Array) => object;
  readonly Instance: new (module: object) => { readonly exports: unknown };
}
const wasm = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;

/** Compiled once at import: immutable code (each kernel has its own instance and memory). */
const INT8_MODULE: object | null = (() => {
  const bytes = int8ModuleBytes();
  return wasm?.validate(bytes) === true ? new wasm.Module(bytes) : null;
})();

/** A kernel over a zero `rows × dim` int8 matrix for the caller to fill; null without WebAssembly SIMD. */
export function allocateInt8MatVec(rows: number, dim: number): Int8MatVec | null {
  if (INT8_MODULE === null || rows < 1 || dim < 1) return null;
  const { memory, dot8 } = new wasm!.Instance(INT8_MODULE).exports as Exports;
  const stride = Math.ceil(dim / 16) * 16;
  const allRows = Math.ceil((rows + 3) / 4) * 4;
  // Layout (bytes): query [2 · stride] | scores [4 · allRows] | matrix [allRows × stride]; all 16-byte aligned.
  const outAt = 2 * stride;
  const wAt = outAt + 4 * allRows;
  const pages = Math.ceil((wAt + allRows * stride) / 65536);
  if (pages > 1) memory.grow(pages - 1);
  const buffer = memory.buffer;
  const chunks = stride / 16;
  const matrix = new Int8Array(buffer, wAt, allRows * stride);
  return {
    rows,
    dim,
    stride,
    matrix,
    query: new Int16Array(buffer, 0, stride),
    scores: new Int32Array(buffer, outAt, allRows),
    // |sum| ≤ stride · 127 · limit < 2^31.
    queryLimit: Math.min(32767, Math.floor((2 ** 31 - 1) / (127 * stride))),
    setRow(row, values) {
      const block = (row >> 2) * 4 * stride + (row & 3) * 16;
      for (let d = 0; d < dim; d++) matrix[block + (d >> 4) * 64 + (d & 15)] = values[d]!;
    },
    scanRows(start, count) {
      if (count <= 0) return;
      const first = start >> 2;
      const blocks = ((start + count + 3) >> 2) - first;
      dot8(wAt + first * 4 * stride, 0, outAt + 16 * first, blocks, chunks, 0);
    },
  };
}
