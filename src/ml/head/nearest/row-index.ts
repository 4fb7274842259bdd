/**
 * Nearest rows by dot product (cosine for unit rows) over a fixed set of vectors. Small sets are
 * scanned exactly on the SIMD kernel; large ones use an inverted-file index (IVF): rows are
 * grouped by their nearest of √n k-means centroids, and a query scans only the cells of its
 * closest centroids, about {@link IVF_SCAN_ROWS} rows whatever n is, so the cost stays flat as
 * the memory grows. Either way, from {@link PREFILTER_MIN_ROWS} rows on, the rows are read first
 * from an int8 copy and only the few that can be among the best are scored again in float
 * (`int8-prefilter.ts`): the same answers for a quarter of the memory traffic. Without
 * WebAssembly SIMD everything falls back to an exact JavaScript scan.
 */
import { logitsJs, shareKernel } from '../linear-head.js';
import { allocateMatVec, paddedDim, type MatVecKernel } from '../simd-matvec.js';
import { buildInt8Prefilter, PREFILTER_MIN_ROWS, type RowRange } from './int8-prefilter.js';
import { argmax, trainCentroids } from './kmeans.js';
import { TopKBuffer } from './top-k-buffer.js';

/** Up to this many rows are scanned exactly (all of them, through the int8 first pass). */
export const EXACT_MAX_ROWS = 8192;
/** IVF cells per √n: more cells probe fewer irrelevant rows, but cost more to build. */
export const IVF_CELLS_PER_ROOT = 1;
/** Rows an IVF query scans, spread over the closest cells. */
export const IVF_SCAN_ROWS = 4096;

/** Options of {@link buildRowIndex}; the defaults are the constants above. */
export interface RowIndexOptions {
  readonly exactMaxRows?: number;
  readonly scanRows?: number;
  /** IVF cells per √n (default {@link IVF_CELLS_PER_ROOT}). */
  readonly cellsPerRoot?: number;
  readonly seed?: number;
}

/** A built index. Row numbers are positions in `vectors`, which `order` maps back to the input. */
export interface RowIndex {
  readonly kind: 'exact' | 'ivf' | 'js';
  readonly rows: number;
  readonly dim: number;
  /** The rows, row-major `rows × dim`, in index order (inside the kernel's memory when possible). */
  readonly vectors: Float32Array;
  /** `order[row]` is the input position of index row `row`. */
  readonly order: Int32Array;
  /** The IVF cells probed per query (0 for exact scans). */
  readonly probes: number;
  /** Fills `out` (reset to `k`) with the best rows for the query `u`, best first. */
  search(u: Float32Array, k: number, out: TopKBuffer): void;
}

/** Builds an index over `vectors` (all of length `dim`). The same input always builds the same index. */
export function buildRowIndex(vectors: readonly Float32Array[], dim: number, opts: RowIndexOptions = {}): RowIndex {
  const n = vectors.length;
  const ivf = n > (opts.exactMaxRows ?? EXACT_MAX_ROWS) ? buildIvf(vectors, dim, opts) : null;
  if (ivf !== null) return ivf;
  const kernel = n > 0 ? allocateMatVec(n, dim) : null;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const flat = fill(kernel, vectors, order, dim);
  if (kernel === null) {
    const bias = new Float32Array(n);
    const scores = new Float32Array(n);
    return {
      kind: 'js', rows: n, dim, vectors: flat, order, probes: 0,
      search(u, k, out) {
        out.reset(k);
        if (n > 0) out.offerRange(logitsJs({ weights: flat, bias, dim, numClasses: n }, u, scores), 0, n, 0);
      },
    };
  }
  const prefilter = n >= PREFILTER_MIN_ROWS ? buildInt8Prefilter(kernel, n, dim) : null;
  const all: RowRange[] = [{ start: 0, count: n }];
  return {
    kind: 'exact', rows: n, dim, vectors: flat, order, probes: 0,
    search(u, k, out) {
      if (prefilter !== null) return prefilter.search(u, k, out, all);
      out.reset(k);
      kernel.setQuery(u);
      kernel.scanRows(0, n);
      out.offerRange(kernel.scores, 0, n, 0);
    },
  };
}

/** Writes the rows in `order` into the kernel (and returns them row-major, a view when possible). */
function fill(kernel: MatVecKernel | null, vectors: readonly Float32Array[], order: Int32Array, dim: number): Float32Array {
  const dimP = paddedDim(dim);
  const flat = kernel !== null && dimP === dim ? kernel.matrix.subarray(0, order.length * dim) : new Float32Array(order.length * dim);
  order.forEach((input, row) => {
    const v = vectors[input]!;
    if (kernel !== null) kernel.matrix.set(v, row * dimP);
    if (kernel === null || dimP !== dim) flat.set(v, row * dim);
  });
  // A full scan through `logits(vectors)` (callers that filter rows themselves) then reuses this kernel.
  if (kernel !== null && dimP === dim) shareKernel(flat, kernel);
  return flat;
}

function buildIvf(vectors: readonly Float32Array[], dim: number, opts: RowIndexOptions): RowIndex | null {
  const n = vectors.length;
  const cells = Math.max(2, Math.round((opts.cellsPerRoot ?? IVF_CELLS_PER_ROOT) * Math.sqrt(n)));
  const centroids = trainCentroids(vectors, dim, { clusters: cells, seed: opts.seed ?? 1 });
  const kernel = allocateMatVec(n, dim);
  if (centroids === null || kernel === null) return null;
  // Counting sort of the rows by cell, so each cell is one contiguous range of the kernel's matrix.
  const cellOf = new Int32Array(n);
  const starts = new Int32Array(cells + 1);
  vectors.forEach((v, i) => {
    centroids.setQuery(v);
    centroids.scanRows(0, cells);
    cellOf[i] = argmax(centroids.scores, cells);
    starts[cellOf[i] + 1]!++;
  });
  for (let c = 0; c < cells; c++) starts[c + 1]! += starts[c]!;
  const next = starts.slice(0, cells);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[next[cellOf[i]!]!++] = i;
  const flat = fill(kernel, vectors, order, dim);
  const probes = Math.max(1, Math.min(cells, Math.round((opts.scanRows ?? IVF_SCAN_ROWS) / (n / cells))));
  const probed = new TopKBuffer(probes);
  const prefilter = buildInt8Prefilter(kernel, n, dim);
  const ranges: RowRange[] = Array.from({ length: probes }, () => ({ start: 0, count: 0 }));
  return {
    kind: 'ivf', rows: n, dim, vectors: flat, order, probes,
    search(u, k, out) {
      centroids.setQuery(u);
      centroids.scanRows(0, cells);
      probed.reset(probes);
      probed.offerRange(centroids.scores, 0, cells, 0);
      if (prefilter !== null) {
        for (let p = 0; p < probed.size; p++) {
          const c = probed.ids[p]!;
          const range = ranges[p]!;
          range.start = starts[c]!;
          range.count = starts[c + 1]! - range.start;
        }
        return prefilter.search(u, k, out, ranges, probed.size);
      }
      out.reset(k);
      kernel.setQuery(u);
      for (let p = 0; p < probed.size; p++) {
        const c = probed.ids[p]!;
        const start = starts[c]!;
        const count = starts[c + 1]! - start;
        kernel.scanRows(start, count);
        out.offerRange(kernel.scores, start, count, start);
      }
    },
  };
}
