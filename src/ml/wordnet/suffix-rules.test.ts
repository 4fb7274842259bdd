import { describe, expect, it } from 'vitest';
import { applySuffixRules, learnSuffixRules } from './suffix-rules.js';

const pairs: [string, string[]][] = [
  ['dangerous', ['danger', 'dangerousness']],
  ['generous', ['generosity', 'generousness']],
  ['curious', ['curiosity']],
  ['tall', ['tallness', 'stature']],
  ['at hand', ['handiness']],
];

describe('learnSuffixRules', () => {
  it('counts suffix rewrites of single-word pairs, most frequent first', () => {
    expect(learnSuffixRules(pairs, { minCount: 1 })).toEqual([
      { strip: '', add: 'ness', count: 3 },
      { strip: 'us', add: 'sity', count: 2 },
      { strip: 'ous', add: '', count: 1 },
    ]);
    expect(learnSuffixRules(pairs)).toHaveLength(2);
  });
});

describe('applySuffixRules', () => {
  it('proposes only nouns in the lemma set', () => {
    const rules = learnSuffixRules(pairs, { minCount: 1 });
    const nouns = new Set(['famousness', 'luminosity', 'danger', 'fame']);
    expect(applySuffixRules('Luminous', rules, nouns)).toEqual(['luminosity']);
    expect(applySuffixRules('famous', rules, nouns)).toEqual(['famousness']);
    expect(applySuffixRules('zzz', rules, nouns)).toEqual([]);
  });

  it('keeps a stem of at least minStem characters', () => {
    const rules = [{ strip: 'ous', add: '', count: 5 }];
    expect(applySuffixRules('onous', rules, new Set(['on']))).toEqual([]);
    expect(applySuffixRules('onous', rules, new Set(['on']), { minStem: 2 })).toEqual(['on']);
  });
});
