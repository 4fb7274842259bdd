import { describe, expect, it } from 'vitest';
import { clustered } from '../../../test/support/clustered-vectors.js';
import { buildMemory, nearestRows, neighbourDistribution, rowsDistribution, type SparseTarget } from './phrase-memory.js';

const v = (...xs: number[]) => {
  const n = Math.hypot(...xs) || 1;
  return Float32Array.from(xs.map((x) => x / n));
};

describe('phrase memory', () => {
  const memory = buildMemory(
    ['hot', 'cold', 'huge', 'zzz'],
    [v(1, 0.1, 0), v(0.9, -0.2, 0), v(0, 0, 1), new Float32Array(3)],
    [
      { classes: [0], probs: [1] },
      { classes: [0], probs: [1] },
      { classes: [1], probs: [1] },
      { classes: [1], probs: [1] },
    ],
    3,
  );

  it('leaves out phrases the encoder could not represent', () => {
    expect(memory.phrases).toEqual(['hot', 'cold', 'huge']);
    expect(memory.byPhrase.get('zzz')).toBeUndefined();
  });

  it('lets the nearest trained phrases vote, the closest most', () => {
    const p = neighbourDistribution(memory, v(1, 0, 0.05), 2, { k: 3, temperature: 0.05 });
    expect(p?.[0]).toBeGreaterThan(0.99);
    const far = neighbourDistribution(memory, v(0.2, 0, 1), 2, { k: 1, temperature: 0.05 });
    expect([...(far ?? [])]).toEqual([0, 1]);
  });

  it('has nothing to say about a zero vector, and averages given rows', () => {
    expect(neighbourDistribution(memory, new Float32Array(3), 2, { k: 3, temperature: 0.05 })).toBeNull();
    expect([...(rowsDistribution(memory, [0, 2], 2) ?? [])]).toEqual([0.5, 0.5]);
    expect(rowsDistribution(memory, [], 2)).toBeNull();
  });
});

/** The plain reference: every cosine, a full sort, the same weighting. */
function plainNeighbours(vectors: readonly Float32Array[], targets: readonly SparseTarget[], u: Float32Array, numClasses: number, k: number, temperature: number) {
  const sims = vectors.map((v) => v.reduce((s, x, d) => s + x * u[d]!, 0));
  const rows = sims.map((_, i) => i).sort((a, b) => sims[b]! - sims[a]!).slice(0, k);
  const out = new Float64Array(numClasses);
  let total = 0;
  for (const row of rows) {
    const w = Math.exp((sims[row]! - sims[rows[0]!]!) / temperature);
    targets[row]!.classes.forEach((c, j) => (out[c]! += w * targets[row]!.probs[j]!));
    total += w;
  }
  return { rows, dist: out.map((v) => v / total) };
}

describe('phrase memory at scale', () => {
  const dim = 768;
  const classes = 50;
  const targetOf = (i: number): SparseTarget => ({ classes: [i % classes, (i * 7) % classes], probs: [0.75, 0.25] });

  it('gives the plain answers on the exact fast path', () => {
    const vectors = clustered(3000, dim, 40, 1);
    const targets = vectors.map((_, i) => targetOf(i));
    const memory = buildMemory(vectors.map((_, i) => `p${i}`), vectors, targets, dim);
    expect(memory.search?.index.kind).toBe('exact');
    for (const q of clustered(5, dim, 40, 1, 2)) {
      const want = plainNeighbours(vectors, targets, q, classes, 20, 0.05);
      const got = neighbourDistribution(memory, q, classes, { k: 20, temperature: 0.05 });
      want.dist.forEach((v, c) => expect(got?.[c]).toBeCloseTo(v, 4));
    }
  });

  it('leaves out the rows it is told to skip, and still returns k', () => {
    const vectors = clustered(500, 32, 5, 5);
    const memory = buildMemory(vectors.map((_, i) => `p${i}`), vectors, vectors.map((_, i) => targetOf(i)), 32);
    const plain = plainNeighbours(vectors, vectors.map((_, i) => targetOf(i)), vectors[3]!, classes, 12, 0.05).rows;
    const best = nearestRows(memory, vectors[3]!, 10, new Set([plain[0]!, plain[4]!]));
    expect(best.size).toBe(10);
    expect([...best.ids.subarray(0, 10)]).toEqual(plain.filter((_, i) => i !== 0 && i !== 4));
  });

  it('answers k beyond its scratch size, and the same with a given output array', () => {
    const vectors = clustered(200, 16, 4, 3);
    const targets = vectors.map((_, i) => targetOf(i));
    const memory = buildMemory(vectors.map((_, i) => `p${i}`), vectors, targets, 16);
    const q = vectors[7]!;
    const want = plainNeighbours(vectors, targets, q, classes, 100, 0.1);
    const out = new Float32Array(classes).fill(9);
    const got = neighbourDistribution(memory, q, classes, { k: 100, temperature: 0.1 }, out);
    expect(got).toBe(out);
    want.dist.forEach((v, c) => expect(got?.[c]).toBeCloseTo(v, 4));
  });

  it('finds most of the exact 20 nearest through the IVF index, and a taught phrase itself', () => {
    const small = 128; // the index does not depend on the dimension; a smaller one keeps the reference quick
    const vectors = clustered(12_000, small, 300, 4);
    const targets = vectors.map((_, i) => targetOf(i));
    const phrases = vectors.map((_, i) => `p${i}`);
    const memory = buildMemory(phrases, vectors, targets, small, { exactMaxRows: 2000, scanRows: 2000 });
    const index = memory.search!.index;
    expect(index.kind).toBe('ivf');
    expect(memory.byPhrase.get('p123')).toBeDefined();
    expect(memory.phrases[memory.byPhrase.get('p123')!]).toBe('p123');
    const best = memory.search!.best;
    let found = 0;
    const queries = clustered(30, small, 300, 4, 99); // same topics, new phrases
    for (const q of queries) {
      const exact = new Set(plainNeighbours(vectors, targets, q, classes, 20, 0.05).rows.map((r) => `p${r}`));
      index.search(q, 20, best);
      for (let i = 0; i < best.size; i++) if (exact.has(memory.phrases[best.ids[i]!]!)) found++;
    }
    expect(found / (20 * queries.length)).toBeGreaterThan(0.9);
    index.search(vectors[123]!, 1, best);
    expect(memory.phrases[best.ids[0]!]).toBe('p123');
    expect(memory.targets[memory.byPhrase.get('p123')!]).toEqual(targetOf(123));
  });
});
