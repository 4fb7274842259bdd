import { beforeAll, describe, expect, it } from 'vitest';
import { MINI_GLOVE_PATH } from '../../../../test/fixtures/glove/mini-glove.js';
import { SPELLING_MAX_LENGTH, SpellingIndex, maxSpellingDistance } from './fallback-spelling.js';
import { readWinkJson } from './wink-json-reader.js';

describe('SpellingIndex', () => {
  let words: readonly string[];
  let index: SpellingIndex;
  beforeAll(async () => {
    words = (await readWinkJson(MINI_GLOVE_PATH)).words;
    index = new SpellingIndex(words);
  });

  it('finds sensible neighbours for slang spellings', () => {
    expect(index.nearest('chonky')).toMatchObject({ word: 'chunky', distance: 0.5 });
    expect(index.nearest('smol')?.word).toBe('small');
    expect(index.nearest('cheeze')?.word).toBe('cheese');
    expect(index.nearest('stinkie')?.word).toBe('stinky');
  });

  it('returns the rank of the match', () => {
    const m = index.nearest('chonky')!;
    expect(words[m.rank]).toBe('chunky');
  });

  it('finds nothing for noise, very short words and non-letters', () => {
    expect(index.nearest('xyzzyq')).toBeUndefined();
    expect(index.nearest('zq')).toBeUndefined();
    expect(index.nearest('h0t')).toBeUndefined();
  });

  it('only searches the most frequent words', () => {
    const rank = words.indexOf('chunky');
    expect(new SpellingIndex(words, rank).nearest('chonky')?.word).not.toBe('chunky');
  });

  it('tolerates more edits in longer words', () => {
    expect(maxSpellingDistance(3)).toBeLessThan(maxSpellingDistance(4));
    expect(maxSpellingDistance(4)).toBeLessThan(maxSpellingDistance(6));
  });

  it('leaves long words alone: they are rare real words, not slang', () => {
    expect(SPELLING_MAX_LENGTH).toBe(8);
    expect(index.nearest('chunkyyyy')).toBeUndefined();
  });
});
