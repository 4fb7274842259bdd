import { describe, expect, it } from 'vitest';
import { MAX_SUGGESTIONS, suggestLabels } from './label-suggestions.js';

const labels = ['size', 'sound', 'smell', 'weight', 'body size', 'outsize', 'temperature', 'speed'];

describe('suggestLabels', () => {
  it('prefix matches first, then a word of the label, then anywhere; case and spaces do not matter', () => {
    expect(suggestLabels(labels, 'si')).toEqual(['size', 'body size', 'outsize']);
    expect(suggestLabels(labels, '  S ')).toEqual(['size', 'smell', 'sound', 'speed', 'body size', 'outsize']);
    expect(suggestLabels(labels, 'xyz')).toEqual([]);
  });

  it('at most 25 (or the limit), alphabetical when nothing is typed, no duplicates', () => {
    const many = Array.from({ length: 60 }, (_, i) => `label${String(i).padStart(2, '0')}`);
    expect(suggestLabels(many, '')).toHaveLength(MAX_SUGGESTIONS);
    expect(suggestLabels(many, '')[0]).toBe('label00');
    expect(suggestLabels(['b', 'a', 'a'], '', 5)).toEqual(['a', 'b']);
    expect(suggestLabels(labels, 's', 2)).toEqual(['size', 'smell']);
  });
});
