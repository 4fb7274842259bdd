import { describe, expect, it } from 'vitest';
import { classes, col, labels, model, near, phraseOf } from '../../../test/support/untrained-fixture.js';
import { openFeatures, phraseFeatures } from '../model/features.js';
import type { PhraseCandidates } from '../model/open-candidates.js';
import { defaultStack } from '../model/scoring-model.js';
import { fitStacker, rowScore, type StackRow } from '../model/stacker.js';
import { withUntrainedClassRows } from './fit-scorer.js';

describe('withUntrainedClassRows', () => {
  const rows: StackRow[] = Array.from({ length: 240 }, (_, i) => {
    const cls = i % classes;
    // Two phrases in three have a derived noun naming their class; the others none.
    const { x } = phraseOf(cls);
    const extra: PhraseCandidates | undefined = i % 3 === 2 ? undefined : { labels: [labels[cls]!], open: new Map(), facts: new Map() };
    return { features: phraseFeatures(model, x, undefined, extra), target: { classes: [cls], probs: [1] }, weight: 1 };
  });

  it('adds one row per phrase whose derived noun names its class, weighted by the share', () => {
    const out = withUntrainedClassRows(model, rows, 0.3);
    expect(out.length).toBe(rows.length + 160);
    expect(out.slice(rows.length).every((r) => r.weight === 0.3)).toBe(true);
    expect(withUntrainedClassRows(model, rows, 0)).toEqual(rows);
  });

  it('lets the fitted weights answer a new word by its own quality noun when no class was trained on it', () => {
    const plain = fitStacker(rows, defaultStack(model));
    const fitted = fitStacker(withUntrainedClassRows(model, rows, 1), defaultStack(model));
    // A new word between class 7 and its derived noun outside the classes: which comes first?
    const x = near(7);
    const extra: PhraseCandidates = { labels: ['kindness'], open: new Map([['kindness', x]]), facts: new Map() };
    const f = phraseFeatures(model, x, undefined, extra);
    const open = openFeatures(model, x, ['kindness'], extra);
    const margin = (w: Float32Array) => rowScore(open, w, 0) - rowScore(f, w, 7);
    expect(margin(fitted)).toBeGreaterThan(margin(plain) + 1);
    expect(fitted[col('morphology')]).toBeGreaterThan(plain[col('morphology')]!);
  });
});
