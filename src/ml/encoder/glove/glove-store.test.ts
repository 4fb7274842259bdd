import { copyFile, readFile, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINI_GLOVE_PATH, tempDataDir } from '../../../../test/fixtures/glove/mini-glove.js';
import { GLOVE_CACHE_FILE, loadGloveTable } from './glove-store.js';

describe('loadGloveTable', () => {
  let dataDir: string;
  let cleanup: () => Promise<void>;
  let source: string;
  beforeEach(async () => {
    ({ dir: dataDir, cleanup } = await tempDataDir());
    source = join(dataDir, 'source.json');
    await copyFile(MINI_GLOVE_PATH, source);
  });
  afterEach(() => cleanup());

  it('builds the cache once, then loads it without converting', async () => {
    const messages: string[] = [];
    const first = await loadGloveTable({ dataDir, sourcePath: source, onProgress: (m) => messages.push(m) });
    expect(first.built).toBe(true);
    expect(first.cachePath).toBe(join(dataDir, GLOVE_CACHE_FILE));
    expect(messages[0]).toMatch(/converting .* \(no cache yet\)/);
    const written = await stat(first.cachePath);

    const second = await loadGloveTable({ dataDir, sourcePath: source });
    expect(second.built).toBe(false);
    expect((await stat(first.cachePath)).mtimeMs).toBe(written.mtimeMs);
    expect(second.table.words).toEqual(first.table.words);
    expect(second.table.matrix).toEqual(first.table.matrix);
  });

  it('rebuilds a truncated or corrupted cache', async () => {
    const { cachePath } = await loadGloveTable({ dataDir, sourcePath: source });
    const good = await readFile(cachePath);
    await truncate(cachePath, 1000);
    const messages: string[] = [];
    const again = await loadGloveTable({ dataDir, sourcePath: source, onProgress: (m) => messages.push(m) });
    expect(again.built).toBe(true);
    expect(messages[0]).toMatch(/truncated or padded/);
    expect(await readFile(cachePath)).toEqual(good);

    const flipped = Buffer.from(good);
    flipped[500] = flipped[500]! ^ 0x01;
    await writeFile(cachePath, flipped);
    expect((await loadGloveTable({ dataDir, sourcePath: source })).built).toBe(true);
  });

  it('rebuilds when the source changes', async () => {
    await loadGloveTable({ dataDir, sourcePath: source });
    await utimes(source, new Date(2001, 1, 1), new Date(2001, 1, 1));
    const messages: string[] = [];
    const again = await loadGloveTable({ dataDir, sourcePath: source, onProgress: (m) => messages.push(m) });
    expect(again.built).toBe(true);
    expect(messages[0]).toMatch(/its source changed/);
  });

  it('keeps using a valid cache when the source is gone', async () => {
    await loadGloveTable({ dataDir, sourcePath: source });
    const gone = await loadGloveTable({ dataDir, sourcePath: join(dataDir, 'removed.json') });
    expect(gone.built).toBe(false);
  });

  it('says what to do when neither cache nor source exists', async () => {
    await expect(loadGloveTable({ dataDir, sourcePath: join(dataDir, 'removed.json') })).rejects.toMatchObject({
      code: 'encoder.unavailable',
      message: expect.stringMatching(/no cache yet.*removed\.json cannot be read/) as unknown,
    });
  });
});
