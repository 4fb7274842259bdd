import { describe, expect, it } from 'vitest';
import { isMultiWord, phraseScale } from './multi-word.js';

describe('isMultiWord', () => {
  it('counts content words: intensifiers, hedges and function words do not count', () => {
    expect(isMultiWord('hot stove')).toBe(true);
    expect(isMultiWord('smells like fish')).toBe(true);
    expect(isMultiWord('very chonky')).toBe(false);
    expect(isMultiWord('kinda sooo sus')).toBe(false);
    expect(isMultiWord('chonky')).toBe(false);
    expect(isMultiWord(undefined)).toBe(false);
  });

  it('counts no punctuation, emoji or emoticon as a word', () => {
    expect(isMultiWord('tired :(')).toBe(false);
    expect(isMultiWord('chonky 😍 !!!')).toBe(false);
    expect(isMultiWord('hot stove!!')).toBe(true);
  });

  it('counts the content words WordNet found when given: a degree adverb is none, an adjective of several words one', () => {
    expect(isMultiWord('a little wimpy', { content: ['wimpy'] })).toBe(false);
    expect(isMultiWord('so pissed off', { content: ['pissed off'] })).toBe(false);
    expect(isMultiWord('hot stove', {})).toBe(true);
  });
});

describe('phraseScale', () => {
  it("is the model's multi-word scale for a phrase of several words, else 1", () => {
    expect(phraseScale({ multiWordScale: 0.8 }, 'hot stove')).toBe(0.8);
    expect(phraseScale({ multiWordScale: 0.8 }, 'very hot')).toBe(1);
    expect(phraseScale({}, 'hot stove')).toBe(1);
  });
});
