import { beforeAll, describe, expect, it } from 'vitest';
import { MINI_GLOVE_PATH } from '../../../../test/fixtures/glove/mini-glove.js';
import { GloveVocab } from './glove-vocab.js';
import { NearestWords } from './nearest-words.js';
import { readWinkJson } from './wink-json-reader.js';

describe('NearestWords', () => {
  let vocab: GloveVocab;
  beforeAll(async () => {
    vocab = new GloveVocab(await readWinkJson(MINI_GLOVE_PATH));
  });

  it('ranks a word first for its own vector, scores sorted', () => {
    const hits = new NearestWords(vocab).nearest(vocab.vector('cold')!, 5);
    expect(hits).toHaveLength(5);
    expect(hits[0]).toMatchObject({ word: 'cold' });
    expect(hits[0]!.score).toBeCloseTo(1, 5);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
    expect(hits.map((h) => h.word)).toContain('warm');
  });

  it('returns nothing for a zero vector or k = 0', () => {
    const nn = new NearestWords(vocab);
    expect(nn.nearest(new Float32Array(vocab.dim), 3)).toEqual([]);
    expect(nn.nearest(vocab.vector('cold')!, 0)).toEqual([]);
  });
});
