import { describe, expect, it } from 'vitest';
import type { VoteRecord } from '../../core/types.js';
import { buildTrainingSet, bucket, USER_WEIGHT } from './training-set.js';

const vote = (phrase: string, userId: string, label: string, kind: VoteRecord['kind'] = 'choose') => ({
  id: 1, predictionId: 1, userId, kind, label, createdAt: new Date(), retractedAt: null, phrase,
});

describe('buildTrainingSet', () => {
  it('spreads a multi-attribute adjective into a soft target', () => {
    const set = buildTrainingSet(
      [
        { phrase: 'hot', label: 'temperature', source: 'wordnet', weight: 0.5 },
        { phrase: 'hot', label: 'spiciness', source: 'wordnet', weight: 0.5 },
      ],
      [],
    );
    const hot = [...set.train, ...(set.heldOut['seed-holdout'] ?? [])].find((p) => p.phrase === 'hot');
    expect(Object.fromEntries(hot?.target ?? [])).toEqual({ temperature: 0.5, spiciness: 0.5 });
  });

  it("lets users' votes replace the seed target, one vote per user per label, rejections ignored", () => {
    const set = buildTrainingSet(
      [{ phrase: 'chonky', label: 'weight', source: 'wordnet', weight: 1 }],
      [vote('chonky', 'a', 'size'), vote('chonky', 'a', 'size'), vote('chonky', 'b', 'size'), vote('chonky', 'c', 'girth'), vote('chonky', 'd', '*', 'reject')],
    );
    const p = set.train.find((x) => x.phrase === 'chonky');
    expect(p?.weight).toBe(USER_WEIGHT);
    expect(p?.fromUsers).toBe(true);
    expect(p?.target.get('size')).toBeCloseTo(2 / 3);
    expect(p?.target.has('weight')).toBe(false);
    expect(set.labels).toContain('girth');
  });

  it('holds out a stable 5% of seed phrases', () => {
    const examples = Array.from({ length: 2000 }, (_, i) => ({ phrase: `w${i}`, label: 'l', source: 'wordnet' as const, weight: 1 }));
    const set = buildTrainingSet(examples, []);
    const held = set.heldOut['seed-holdout'] ?? [];
    expect(held.length / 2000).toBeGreaterThan(0.03);
    expect(held.length / 2000).toBeLessThan(0.07);
    expect(held.every((p) => bucket(p.phrase, 20) === 0)).toBe(true);
  });
});
