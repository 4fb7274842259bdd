import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Encoder } from '../../core/ports.js';
import { MINI_GLOVE_PATH, tempDataDir } from '../../../test/fixtures/glove/mini-glove.js';
import { loadGloveEncoder } from '../encoder/glove/glove-encoder.js';
import { embeddingStore } from './embedding-store.js';

describe('embedding store: no silent zeros', () => {
  let encoder: Encoder;
  let cleanup: () => Promise<void>;
  beforeAll(async () => {
    const tmp = await tempDataDir();
    cleanup = tmp.cleanup;
    encoder = await loadGloveEncoder({ dataDir: tmp.dir, sourcePath: MINI_GLOVE_PATH });
  });
  afterAll(async () => {
    await cleanup();
  });

  it('a batch larger than the memory limit gets every vector, none evicted into zeros', async () => {
    const phrases = ['large', 'huge', 'tiny', 'hot', 'cold', 'warm', 'cheap', 'tasty', 'loud', 'fast'];
    const store = embeddingStore(encoder, null, { memoryLimit: 3 });
    const expected = await encoder.encode(phrases);
    const got = await store.vectors(phrases);
    expect(got).toHaveLength(phrases.length);
    got.forEach((v, i) => {
      expect(v.some((x) => x !== 0)).toBe(true);
      expect(Array.from(v)).toEqual(Array.from(expected[i] ?? []));
    });
    // And again, now mostly from memory, with repeats in the batch.
    const again = await store.vectors([...phrases, 'large', 'fast']);
    expect(Array.from(again[10] ?? [])).toEqual(Array.from(expected[0] ?? []));
    expect(again.every((v) => v.some((x) => x !== 0))).toBe(true);
  });
});
