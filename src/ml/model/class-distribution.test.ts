import { describe, expect, it } from 'vitest';
import { phraseDistribution } from './class-distribution.js';
import { FEATURE_COUNT, FEATURES } from './features.js';
import type { PhraseCandidates } from './open-candidates.js';
import { buildMemory } from './phrase-memory.js';
import { shownLabels } from './rank.js';
import type { ScoringModel } from './scoring-model.js';

const dim = 4;
const unit = (...v: number[]) => {
  const n = Math.hypot(...v) || 1;
  return Float32Array.from(v, (x) => x / n);
};
const weights = (named: Partial<Record<(typeof FEATURES)[number], number>>) => {
  const w = new Float32Array(FEATURE_COUNT);
  FEATURES.forEach((f, i) => (w[i] = named[f] ?? 0));
  return w;
};

/** Three classes; a memory where "fishy" was seeded as `being` and its neighbours say `smell`. */
function model(stack: Float32Array, taught: ScoringModel['taught'] = new Map()): ScoringModel {
  const phrases = ['fishy', 'smelly', 'stinky', 'reeking', 'big'];
  const vectors = [unit(1, 0.1, 0, 0), unit(1, 0.2, 0, 0), unit(1, 0, 0.2, 0), unit(1, 0.1, 0.1, 0), unit(0, 0, 0, 1)];
  const targets = [0, 1, 1, 1, 2].map((c) => ({ classes: [c], probs: [1] }));
  return {
    encoderId: 'test',
    version: 1,
    labels: ['being', 'smell', 'size'],
    aliases: [['being'], ['smell', 'odor'], ['size']],
    head: null,
    centre: new Float32Array(dim),
    labelVectors: new Float32Array(3 * dim),
    cosineWeight: 0,
    memory: buildMemory(phrases, vectors, targets, dim),
    stack,
    taught,
  };
}

const noCandidates: PhraseCandidates = { labels: [], open: new Map(), facts: new Map() };

describe('phraseDistribution', () => {
  it("a seeded word's own label is not evidence about it: its neighbours decide", () => {
    const m = model(weights({ near5: 2 }));
    const { p } = phraseDistribution(m, unit(1, 0.1, 0, 0), 'fishy', noCandidates);
    expect(p[1]).toBeGreaterThan(p[0] ?? 1);
  });

  it("an intensifier does not turn a seeded word's label into the answer: 'very fishy' is scored as 'fishy'", () => {
    const zero = { dim, numClasses: 3, weights: new Float32Array(3 * dim), bias: new Float32Array(3) };
    const seeded = (taught?: ScoringModel['taught']): ScoringModel => ({
      ...model(weights({ near1: 3 }), taught),
      folds: { heads: [zero, zero], seed: new Map([['fishy', 0]]) },
    });
    const x = unit(1, 0.1, 0, 0);
    const veryFishy: PhraseCandidates = { ...noCandidates, content: ['fishy'] };
    const top = (p: Float32Array) => p.indexOf(Math.max(...p));
    expect(top(phraseDistribution(seeded(), x, 'fishy', noCandidates).p)).toBe(1);
    expect(top(phraseDistribution(seeded(), x, 'very fishy', veryFishy).p)).toBe(1);
    // Without its content words known, the seeded row is the nearest phrase and wins.
    expect(top(phraseDistribution(seeded(), x, 'very fishy', noCandidates).p)).toBe(0);
    // What people taught stays memorised: taught fishy's row votes for "very fishy".
    const taught = seeded(new Map([['fishy', { classes: [0], probs: [1] }]]));
    expect(top(phraseDistribution(taught, x, 'very fishy', veryFishy).p)).toBe(0);
  });

  it('what people taught is the first answer for the very phrase, and only there', () => {
    const m = model(weights({ near5: 2 }), new Map([['fishy', { classes: [2], probs: [1] }]]));
    const taught = phraseDistribution(m, unit(1, 0.1, 0, 0), 'fishy', noCandidates).p;
    expect(taught[2]).toBeGreaterThanOrEqual(0.5);
    expect(Math.max(...taught)).toBe(taught[2]);
    const other = phraseDistribution(m, unit(1, 0.1, 0, 0), 'fishlike', noCandidates).p;
    expect(Math.max(...other)).toBe(other[1]);
    // The same phrase written with punctuation or an emoticon is the same question.
    const written = phraseDistribution(m, unit(1, 0.1, 0, 0), 'fishy!! :(', noCandidates).p;
    expect(Math.max(...written)).toBe(written[2]);
  });

  it('an open derived noun that is a kind of a class is one answer with that class; others stand alone', () => {
    const extra: PhraseCandidates = {
      labels: ['pungency', 'whiffiness'],
      open: new Map([['pungency', unit(1, 0, 0, 0)], ['whiffiness', unit(1, 0, 0, 0)]]),
      facts: new Map([
        ['pungency', { hints: [], parents: ['odor'], thing: false }],
        ['whiffiness', { hints: [], parents: ['quality noun'], thing: false }],
      ]),
    };
    const m = model(weights({ morphology: 3, near5: 1 }));
    const dist = phraseDistribution(m, unit(0, 1, 0, 0), 'whiffy', extra);
    expect(dist.open).toEqual(['whiffiness']);
    expect([...dist.p].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    const labels = shownLabels(m, dist, extra);
    expect(labels).toEqual(['being', 'smell', 'size', 'whiffiness']);
    // The folded noun's mass went to smell.
    const without = phraseDistribution(m, unit(0, 1, 0, 0), 'whiffy', { ...extra, labels: ['whiffiness'] });
    expect(dist.p[1]).toBeGreaterThan(without.p[1] ?? 1);
  });

  it('open derived nouns with the same first WordNet sense are one answer, named by the quality noun', () => {
    const open = ['murk', 'murkiness', 'gloom'];
    const extra: PhraseCandidates = {
      labels: open,
      open: new Map(open.map((l) => [l, unit(1, 0, 0, 0)])),
      facts: new Map([
        ['murk', { hints: [], parents: ['state'], thing: false, sense: 7, uses: 5 }],
        ['murkiness', { hints: [], parents: ['state'], thing: false, sense: 7, uses: 0 }],
        ['gloom', { hints: [], parents: ['state'], thing: false, sense: 8, uses: 90 }],
      ]),
    };
    const m = model(weights({ morphology: 3 }));
    const dist = phraseDistribution(m, unit(0, 0, 1, 0), 'murky', extra);
    expect(dist.open).toEqual(['murkiness', 'gloom']);
    expect([...dist.p].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    // The synonyms' two equal shares are one answer: twice the other noun's.
    expect(dist.p[3]).toBeCloseTo(2 * (dist.p[4] ?? 0), 5);
    const apart = phraseDistribution(m, unit(0, 0, 1, 0), 'murky', { ...extra, facts: new Map([...extra.facts].map(([l, f]) => [l, { ...f, sense: undefined }])) });
    expect(apart.open).toEqual(open);
  });

  it("a class is shown by the phrase's own derived noun when that is one of its labels", () => {
    const m = model(weights({}));
    const extra: PhraseCandidates = { labels: ['odor'], open: new Map(), facts: new Map() };
    expect(shownLabels(m, { open: [] }, extra)).toEqual(['being', 'odor', 'size']);
  });

  it("a class named in the definitions of the phrase's words is weighed by the gloss feature, by any of its labels", () => {
    const m = model(weights({ near1: 1, gloss: 2 }));
    const extra: PhraseCandidates = { ...noCandidates, gloss: ['of', 'a', 'strong', 'odor'] };
    const plain = phraseDistribution(m, unit(0, 0, 0, 1), 'whiffy', noCandidates).p;
    const defined = phraseDistribution(m, unit(0, 0, 0, 1), 'whiffy', extra).p;
    expect(Math.max(...plain)).toBe(plain[2]);
    expect(defined[1]).toBeGreaterThan(plain[1] ?? 1);
    expect(Math.max(...defined)).toBe(defined[1]);
  });
});
