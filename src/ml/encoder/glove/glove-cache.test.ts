import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDataDir } from '../../../../test/fixtures/glove/mini-glove.js';
import { readGloveCache, writeGloveCache } from './glove-cache.js';
import type { GloveTable } from './wink-json-reader.js';

/** A small table with seeded pseudo-random values (deterministic across runs). */
function table(count = 5, dim = 3): GloveTable {
  let seed = 42;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const words = ['the', 'café', 'well-known', "o'clock", 'size'].slice(0, count);
  return { dim, words, matrix: Float32Array.from({ length: count * dim }, next) };
}

describe('glove cache', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDataDir()));
  afterEach(() => cleanup());

  it('round-trips words, vectors and the source stamp, leaving no temporary file', async () => {
    const path = join(dir, 'c.bin');
    const t = table();
    await writeGloveCache(path, t, { size: 123, mtimeMs: 1700000000123.5 });
    const read = await readGloveCache(path);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.table.dim).toBe(3);
    expect(read.table.words).toEqual(t.words);
    expect(read.table.matrix).toEqual(t.matrix);
    expect(read.source).toEqual({ size: 123, mtimeMs: 1700000000123.5 });
    expect(await readdir(dir)).toEqual(['c.bin']);
  });

  it('reports a missing, truncated, corrupted or foreign file instead of throwing', async () => {
    const path = join(dir, 'c.bin');
    expect(await readGloveCache(path)).toEqual({ ok: false, reason: 'no cache yet' });
    await writeGloveCache(path, table(), { size: 1, mtimeMs: 1 });
    const good = await readFile(path);

    await writeFile(path, good.subarray(0, good.length - 7));
    expect(await readGloveCache(path)).toEqual({ ok: false, reason: 'truncated or padded' });

    const flipped = Buffer.from(good);
    flipped[70] = flipped[70]! ^ 0xff;
    await writeFile(path, flipped);
    expect(await readGloveCache(path)).toEqual({ ok: false, reason: 'checksum mismatch' });

    await writeFile(path, 'not a cache at all, just some text long enough to hold a header .....');
    expect(await readGloveCache(path)).toEqual({ ok: false, reason: 'not a GloVe cache' });
  });

  it('refuses words it cannot store', async () => {
    const t = { ...table(), words: ['a\nb', 'c', 'd', 'e', 'f'] };
    await expect(writeGloveCache(join(dir, 'c.bin'), t, { size: 1, mtimeMs: 1 })).rejects.toThrow(/line break/);
  });
});
