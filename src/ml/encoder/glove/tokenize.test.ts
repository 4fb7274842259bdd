import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.js';

describe('tokenize', () => {
  it('lowercases and splits on whitespace and punctuation', () => {
    expect(tokenize('  Very   CHONKY!!! (so big), right?')).toEqual(['very', 'chonky', 'so', 'big', 'right']);
  });

  it('keeps intra-word hyphens and apostrophes, normalizing typographic ones', () => {
    expect(tokenize('well-known ice‑cold cat’s o\'clock')).toEqual(['well-known', 'ice-cold', "cat's", "o'clock"]);
  });

  it('drops leading, trailing and doubled hyphens and apostrophes', () => {
    expect(tokenize("-hot- 'cold' super--big")).toEqual(['hot', 'cold', 'super', 'big']);
  });

  it('keeps accented letters and digits, and gives [] for no words', () => {
    expect(tokenize('Café 10ft')).toEqual(['café', '10ft']);
    expect(tokenize(' ?! … ')).toEqual([]);
  });
});
