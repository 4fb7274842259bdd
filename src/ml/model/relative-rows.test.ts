import { describe, expect, it } from 'vitest';
import { buildMemory } from './phrase-memory.js';
import { relativeRows } from './relative-rows.js';

const phrases = ['hot', 'stove', 'kind', 'boiling'];
const memory = buildMemory(
  phrases,
  phrases.map((_, i) => Float32Array.from([i === 0 ? 1 : 0, i === 1 ? 1 : 0, i === 2 ? 1 : 0, i === 3 ? 1 : 0])),
  phrases.map((_, i) => ({ classes: [i], probs: [1] })),
  4,
);
const words = (rows: number[]) => rows.map((r) => phrases[r]).sort();

describe('relativeRows', () => {
  it("finds a phrase's trained words and their affix relatives, never the phrase's own row", () => {
    expect(words(relativeRows(memory, 'boiling hot'))).toEqual(['boiling', 'hot']);
    expect(words(relativeRows(memory, 'unkind'))).toEqual(['kind']);
    expect(relativeRows(memory, 'hot')).toEqual([]);
  });

  it('reads the words of a chat message without the punctuation around them', () => {
    expect(words(relativeRows(memory, 'boiling hot!!'))).toEqual(['boiling', 'hot']);
    expect(words(relativeRows(memory, '(unkind) :('))).toEqual(['kind']);
  });

  it("leaves out the ignored words (the thing a quality is said of, a degree adverb's)", () => {
    expect(words(relativeRows(memory, 'hot stove'))).toEqual(['hot', 'stove']);
    expect(words(relativeRows(memory, 'hot stove', ['stove']))).toEqual(['hot']);
  });
});
