import { describe, expect, it } from 'vitest';
import { FEATURE_COUNT } from './features.js';
import { rank, shownDistribution, shownLabels } from './rank.js';
import type { ScoringModel } from './scoring-model.js';

const model: ScoringModel = {
  encoderId: 'test',
  version: 1,
  labels: ['size', 'taste', 'taste property'],
  head: { dim: 2, numClasses: 3, weights: Float32Array.from([0, 0, 1, 0, 1, 0]), bias: new Float32Array(3) },
  centre: new Float32Array(2),
  labelVectors: new Float32Array(6),
  cosineWeight: 0,
  stack: Float32Array.from({ length: FEATURE_COUNT }, (_, k) => (k === 0 ? 1 : 0)),
};

describe('what a person is shown', () => {
  it('shows WordNet terms by their everyday word, and answers shown by one word are one answer', () => {
    const x = Float32Array.from([3, 0]);
    const { labels, p } = shownDistribution(model, x, 'salty');
    expect(labels).toEqual(['size', 'taste']);
    expect([...p].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const [first] = rank(model, x, 5, undefined, 'salty');
    expect(first?.label).toBe('taste');
    expect(first?.p).toBeGreaterThan(0.9);
  });

  it("shows a class by the phrase's own derived noun only when that is one word, never a multi-word WordNet term", () => {
    const candidates = (labels: string[]) => ({ labels, open: new Map<string, Float32Array>(), facts: new Map() });
    // WordNet derives "taste property" from tasty: the class is still shown as taste.
    expect(shownLabels(model, { open: [] }, candidates(['taste property']))).toEqual(['size', 'taste', 'taste']);
    // A one-word derived noun that is one of the class's labels names it.
    const sized: ScoringModel = { ...model, aliases: [['size', 'bigness'], ['taste'], ['taste property', 'savoriness']] };
    expect(shownLabels(sized, { open: [] }, candidates(['bigness', 'taste property']))).toEqual(['bigness', 'taste', 'taste']);
  });

  it('keeps the everyday name when the derived noun is a word spoken English lacks (fast → fastness)', () => {
    const speed: ScoringModel = { ...model, labels: ['speed', 'taste', 'taste property'], aliases: [['speed', 'fastness'], ['taste'], ['taste property']] };
    const facts = (uses: number) => new Map([['fastness', { hints: [], parents: [], thing: false, uses }]]);
    const extra = (uses: number) => ({ labels: ['fastness'], open: new Map<string, Float32Array>(), facts: facts(uses) });
    expect(shownLabels(speed, { open: [] }, extra(0))[0]).toBe('speed');
    expect(shownLabels(speed, { open: [] }, extra(3))[0]).toBe('fastness');
    const x = Float32Array.from([0, 0]);
    expect(rank(speed, x, 3, extra(0), 'fast').map((c) => c.label)).toContain('speed');
    expect(rank(speed, x, 3, extra(0), 'fast').map((c) => c.label)).not.toContain('fastness');
  });
});
