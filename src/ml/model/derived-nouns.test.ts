import { describe, expect, it } from 'vitest';
import type { Encoder } from '../../core/ports.js';
import { buildDerivedMemory, derivedVote } from './derived-nouns.js';
import { embeddingStore } from './embedding-store.js';
import type { CandidateSource, PhraseCandidates } from './open-candidates.js';
import { buildMemory } from './phrase-memory.js';
import { centred } from './scoring-model.js';

const unit = (...v: number[]) => centred(Float32Array.from(v), new Float32Array(v.length));

/** Word vectors of a tiny vocabulary: nouns of danger, nouns of size, and a thing. */
const table: Record<string, number[]> = {
  danger: [1, 0, 0],
  riskiness: [0.9, 0.2, 0],
  bigness: [0, 1, 0],
  salt: [0, 0, 1],
  hazard: [0.95, 0.1, 0],
};
const encoder: Encoder = {
  id: 'table',
  dim: 3,
  encode: (phrases) => Promise.resolve(phrases.map((p) => Float32Array.from(table[p] ?? [0, 0, 0]))),
};
const store = embeddingStore(encoder, null);

const source: CandidateSource = {
  candidates: (w) => ({ dangerous: ['danger'], risky: ['riskiness'], big: ['bigness'], great: ['bigness'], salty: ['salt'], 'very big': ['bigness'] })[w] ?? [],
  describe: (noun) => ({ hints: [], parents: [], thing: noun === 'salt' }),
};

/** Trained phrases: dangerous and risky → class 0 (danger), big → class 1 (size), great and salty → class 2. */
const memory = buildMemory(
  ['dangerous', 'risky', 'big', 'great', 'salty', 'very big'],
  [unit(1, 0, 0), unit(1, 0.1, 0), unit(0, 1, 0), unit(0, 1, 0.2), unit(0, 0, 1), unit(0, 1, 0.1)],
  [0, 0, 1, 2, 2, 2].map((c) => ({ classes: [c], probs: [1] })),
  3,
);

const extra = (open: [string, Float32Array][], things: string[] = []): PhraseCandidates => ({
  labels: open.map(([l]) => l),
  open: new Map(open),
  facts: new Map(open.map(([l]) => [l, { hints: [], parents: [], thing: things.includes(l) }])),
});

describe('derived nouns', () => {
  it("remembers the nouns of one-word trained phrases with their phrases' mean target", async () => {
    const nouns = await buildDerivedMemory(memory, source, store, new Float32Array(3));
    // salt names no quality; "very big" is not one word; big and great both derive bigness.
    expect(nouns.phrases).toEqual(['danger', 'riskiness', 'bigness']);
    expect(nouns.targets).toEqual([
      { classes: [0], probs: [1] },
      { classes: [0], probs: [1] },
      { classes: [1, 2], probs: [0.5, 0.5] },
    ]);
  });

  it("lets a phrase's open candidate vote through its nearest remembered nouns", async () => {
    const nouns = await buildDerivedMemory(memory, source, store, new Float32Array(3));
    const vote = derivedVote(nouns, extra([['hazard', unit(0.95, 0.1, 0)]]), 3, { k: 2, temperature: 0.05 });
    expect(vote?.[0]).toBeCloseTo(1);
  });

  it('gives no vote without a candidate that names a quality and has a vector of its own', async () => {
    const nouns = await buildDerivedMemory(memory, source, store, new Float32Array(3));
    const opts = { k: 2, temperature: 0.05 };
    expect(derivedVote(nouns, extra([]), 3, opts)).toBeNull();
    expect(derivedVote(nouns, extra([['hazard', new Float32Array(3)]]), 3, opts)).toBeNull();
    expect(derivedVote(nouns, extra([['salt', unit(0, 0, 1)]], ['salt']), 3, opts)).toBeNull();
  });
});
