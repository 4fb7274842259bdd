import { describe, expect, it } from 'vitest';
import { everydayLabel, loadWordFrequency, wordFrequencyOf } from './word-frequency.js';

describe('everydayLabel', () => {
  const freq = wordFrequencyOf([
    { word: 'size', count: 900 },
    { word: 'magnitude', count: 30 },
    { word: 'body', count: 5000 },
    { word: 'weight', count: 800 },
    { word: 'Smell', count: 400 },
  ]);
  it('prefers a single word to a multi-word term, then the most frequent', () => {
    expect(everydayLabel(['magnitude', 'size'], freq)).toBe('size');
    expect(everydayLabel(['body weight', 'weight'], freq)).toBe('weight');
    expect(everydayLabel(['olfactory property', 'smell'], freq)).toBe('smell');
  });
  it('keeps the first label when nothing is known', () => {
    expect(everydayLabel(['fearfulness', 'fright'], wordFrequencyOf([]))).toBe('fearfulness');
  });
  it('reads the shipped SUBTLEX list: everyday words outrank WordNet jargon', async () => {
    const f = await loadWordFrequency();
    expect(f.count('size')).toBeGreaterThan(f.count('magnitude'));
    expect(everydayLabel(['odor', 'smell', 'olfactory property'], f)).toBe('smell');
  });
});
