import { describe, expect, it } from 'vitest';
import type { Encoder } from '../../core/ports.js';
import { microBatched } from './micro-batch.js';

function countingEncoder(): Encoder & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id: 'count',
    dim: 1,
    calls,
    encode(phrases) {
      calls.push([...phrases]);
      return Promise.resolve(phrases.map((p) => Float32Array.of(p.length)));
    },
  };
}

describe('microBatched', () => {
  it('merges concurrent calls within the window into one encoder call, answering each in order', async () => {
    const inner = countingEncoder();
    const enc = microBatched(inner, 5);
    const [a, b, c] = await Promise.all([enc.encode(['x']), enc.encode(['yy', 'zzz']), enc.encode(['wwww'])]);
    expect(inner.calls).toEqual([['x', 'yy', 'zzz', 'wwww']]);
    expect(a?.map((v) => v[0])).toEqual([1]);
    expect(b?.map((v) => v[0])).toEqual([2, 3]);
    expect(c?.map((v) => v[0])).toEqual([4]);
    await enc.encode(['later']);
    expect(inner.calls).toHaveLength(2);
  });

  it('batches the calls that arrive while the encoder is busy, and starts a lone call at once', async () => {
    const calls: string[][] = [];
    let release: () => void = () => undefined;
    const slow: Encoder = {
      id: 'slow',
      dim: 1,
      encode(phrases) {
        calls.push([...phrases]);
        const done = new Promise<void>((resolve) => (release = resolve));
        return done.then(() => phrases.map((p) => Float32Array.of(p.length)));
      },
    };
    const enc = microBatched(slow, 1000);
    const first = enc.encode(['a']);
    await new Promise((resolve) => setImmediate(resolve));
    // Started without waiting for the 1,000 ms window.
    expect(calls).toEqual([['a']]);
    const later = [enc.encode(['bb']), enc.encode(['ccc'])];
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toHaveLength(1);
    release();
    await first;
    await new Promise((resolve) => setImmediate(resolve));
    expect(calls).toEqual([['a'], ['bb', 'ccc']]);
    release();
    const [b, c] = await Promise.all(later);
    expect([b?.[0]?.[0], c?.[0]?.[0]]).toEqual([2, 3]);
  });

  it('rejects every waiting caller when the encoder fails', async () => {
    const enc = microBatched({ id: 'f', dim: 1, encode: () => Promise.reject(new Error('boom')) }, 2);
    const results = await Promise.allSettled([enc.encode(['a']), enc.encode(['b'])]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
  });
});
