import { describe, expect, it } from 'vitest';
import { BLEND, CANDIDATES } from './blend-settings.js';
import { classDistribution } from './class-distribution.js';
import type { PhraseCandidates } from './open-candidates.js';
import { buildMemory } from './phrase-memory.js';
import { rank, scoreOpen } from './score-open.js';
import { centred, meanVector, type ScoringModel } from './scoring-model.js';

const unit = (...v: number[]) => centred(Float32Array.from(v), new Float32Array(v.length));

/** Three classes (size; fear with its aliases; taste) scored by zero-shot cosine, with a memory. */
function model(withMemory = true): ScoringModel {
  const labelVectors = new Float32Array(9);
  labelVectors.set(unit(1, 0, 0), 0);
  labelVectors.set(unit(0, 1, 0), 3);
  labelVectors.set(unit(0, 0, 1), 6);
  const memory = buildMemory(
    ['huge', 'kind', 'very chubby'],
    [unit(1, 0.1, 0), unit(0.1, 0, 1), unit(0.2, 1, 0)],
    [
      { classes: [0], probs: [1] },
      { classes: [1], probs: [1] },
      { classes: [0], probs: [1] },
    ],
    3,
  );
  return {
    encoderId: 'e',
    version: null,
    labels: ['size', 'fear', 'taste'],
    aliases: [['size'], ['fear', 'fright', 'fearfulness'], ['taste']],
    head: null,
    labelVectors,
    centre: new Float32Array(3),
    cosineWeight: 10,
    ...(withMemory ? { memory } : {}),
  };
}

type Facts = { hints: string[]; parents?: string[]; thing: boolean };
const candidates = (labels: string[], open: [string, Float32Array][] = [], facts: [string, Facts][] = []): PhraseCandidates => ({
  labels,
  open: new Map(open),
  facts: new Map(facts.map(([l, f]) => [l, { parents: [], ...f }])),
});

describe('class distribution', () => {
  it('ranks classes by cosine before any head or memory exists', () => {
    const r = rank(model(false), unit(0.9, 0.1, 0), 2);
    expect(r.map((c) => c.label)).toEqual(['size', 'fear']);
    expect(r[0]?.p).toBeGreaterThan(0.9);
  });

  it('a trained phrase keeps its taught answer even where its vector says otherwise', () => {
    const x = unit(0.2, 1, 0);
    expect(classDistribution(model(false), x)[1]).toBeGreaterThan(0.9);
    const p = classDistribution(model(), x, 'very chubby');
    expect(p[0]).toBeGreaterThan(p[1] ?? 1);
  });

  it('lets trained relatives vote: an unseen negation answers like the plain word', () => {
    const x = unit(0.5, 0.5, 0.4);
    const plain = classDistribution(model(), x, 'zzz');
    const negated = classDistribution(model(), x, 'unkind');
    expect((negated[1] ?? 0) - (plain[1] ?? 0)).toBeCloseTo(BLEND.relativeWeight * (1 - (plain[1] ?? 0)), 5);
  });

  it('gives the classes named by morphology hints a share of the vote', () => {
    const x = unit(1, 0, 0);
    const hinted = classDistribution(model(false), x, undefined, BLEND, { hints: ['taste'] });
    expect(hinted[2]).toBeGreaterThanOrEqual(BLEND.hintWeight);
  });

  it("gives the derived nouns' vote its share, and ignores one that does not fit the classes", () => {
    const x = unit(1, 0, 0);
    const voted = classDistribution(model(false), x, undefined, BLEND, { derived: Float32Array.from([0, 0, 1]) });
    expect(voted[2]).toBeGreaterThanOrEqual(BLEND.derivedWeight);
    const misfit = classDistribution(model(false), x, undefined, BLEND, { derived: Float32Array.from([0, 1]) });
    expect([...misfit]).toEqual([...classDistribution(model(false), x)]);
  });
});

describe('scoreOpen', () => {
  it('boosts a class with a candidate among its aliases and shows it by that alias', () => {
    const x = unit(0.7, 0.5, 0);
    const plain = scoreOpen(model(false), x, undefined);
    const withFright = scoreOpen(model(false), x, candidates(['fright']));
    expect((withFright.scores[1] ?? 0) - (plain.scores[1] ?? 0)).toBeCloseTo(CANDIDATES.bonus);
    expect(withFright.labels[1]).toBe('fright');
    expect(plain.labels[1]).toBe('fear');
  });

  it('ranks an open quality noun the encoder knows first, and keeps weaker ones near the top', () => {
    const x = unit(0, 0, 1);
    const strong = rank(model(false), x, 3, candidates(['saltiness'], [['saltiness', unit(0, 0, 1)]], [['saltiness', { hints: ['taste'], thing: false }]]));
    expect(strong[0]?.label).toBe('saltiness');
    // Unknown to the encoder (zero vector) and not a quality noun: never first, but still shown.
    const weak = rank(model(false), x, 3, candidates(['salt'], [['salt', new Float32Array(3)]]));
    expect(weak.map((c) => c.label)).toEqual(['taste', 'salt', expect.any(String)]);
  });

  it('leaves out open labels that are concrete things', () => {
    const extra = candidates(['salt'], [['salt', unit(0, 0, 1)]], [['salt', { hints: [], thing: true }]]);
    expect(rank(model(false), unit(0, 0, 1), 5, extra).map((c) => c.label)).not.toContain('salt');
  });

  it('centres and normalizes, and never turns a zero vector into NaN', () => {
    expect([...centred(new Float32Array(3), Float32Array.from([1, 1, 1]))]).toEqual([0, 0, 0]);
    expect([...meanVector([Float32Array.from([2, 0]), new Float32Array(2), Float32Array.from([0, 2])], 2)]).toEqual([1, 1]);
    expect(rank(model(), new Float32Array(3), 3).every((c) => Number.isFinite(c.p))).toBe(true);
  });
});
