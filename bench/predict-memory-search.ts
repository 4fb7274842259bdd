/**
 * The phrase memory's search for `bench:predict`: how fast its index answers and how many of the
 * exact nearest rows it finds.
 */
import { performance } from 'node:perf_hooks';
import { logitsJs } from '../src/ml/head/linear-head.js';
import { TopKBuffer } from '../src/ml/head/nearest/top-k-buffer.js';
import { buildMemory, type PhraseMemory } from '../src/ml/model/phrase-memory.js';
import { clustered } from '../test/support/clustered-vectors.js';
import { ms, p50 } from './predict-scoring.js';

/**
 * Search p50 and recall@20 against an exact scan, over `rows` clustered unit vectors on `classes`
 * topics; returns the memory too, for scoring over it.
 */
export function memorySearch(rows: number, dim: number, classes: number) {
  const t0 = performance.now();
  let vectors: Float32Array[] | null = clustered(rows, dim, classes, 21);
  const memory: PhraseMemory = buildMemory(vectors.map((_, i) => `p${i}`), vectors, vectors.map((_, i) => ({ classes: [i % classes], probs: [1] })), dim);
  vectors = null; // the memory holds its own copy; let the input go before measuring
  const buildSeconds = (performance.now() - t0) / 1000;
  const index = memory.search!.index;
  const queries = clustered(40, dim, classes, 21, 1000 + rows); // unseen phrases on the same topics
  const best = new TopKBuffer(20);
  const times: number[] = [];
  for (let rep = 0; rep < 5; rep++) {
    for (const q of queries) {
      const t = performance.now();
      index.search(q, 20, best);
      times.push(performance.now() - t);
    }
  }
  const sims = new Float32Array(rows);
  const zeros = new Float32Array(rows);
  let found = 0;
  for (const q of queries) {
    index.search(q, 20, best);
    const got = new Set(best.ids.subarray(0, best.size));
    logitsJs({ weights: memory.vectors, bias: zeros, dim, numClasses: rows }, q, sims);
    const exact = [...sims.keys()].sort((a, b) => sims[b]! - sims[a]!).slice(0, 20);
    found += exact.filter((r) => got.has(r)).length;
  }
  return { memory, result: { rows, kind: index.kind, probes: index.probes, p50_ms: p50(times.slice(40)), recall_at_20: ms(found / (20 * queries.length)), build_s: ms(buildSeconds) } };
}
