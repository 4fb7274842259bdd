import { describe, expect, it } from 'vitest';
import { normalizeText, phraseWords } from './text.js';

describe('phraseWords', () => {
  it('drops the punctuation, emoji and emoticons a chat message wraps its words in', () => {
    expect(phraseWords('so tired!! :(')).toEqual(['so', 'tired']);
    expect(phraseWords(normalizeText('Crunchy 😩 ...'))).toEqual(['crunchy']);
    expect(phraseWords('"kinda" (mid)?')).toEqual(['kinda', 'mid']);
    expect(phraseWords('crunchy :d :p')).toEqual(['crunchy']);
    expect(phraseWords('a little wimpy')).toEqual(['a', 'little', 'wimpy']);
  });

  it("keeps apostrophes and hyphens inside a word, and a word known as written", () => {
    expect(phraseWords("it's well-known")).toEqual(["it's", 'well-known']);
    expect(phraseWords('i\u2019m tired')).toEqual(["i'm", 'tired']);
    expect(phraseWords('sr. citizen', (w) => w === 'sr.')).toEqual(['sr.', 'citizen']);
    expect(phraseWords('sr. citizen')).toEqual(['sr', 'citizen']);
  });

  it('has no words for a phrase of symbols only', () => {
    expect(phraseWords('!!! :) 👍')).toEqual([]);
  });
});
