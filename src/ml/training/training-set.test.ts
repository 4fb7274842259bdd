import { describe, expect, it } from 'vitest';
import type { VoteRecord } from '../../core/types.js';
import { buildTrainingSet, bucket, USER_WEIGHT } from './training-set.js';

const vote = (phrase: string, userId: string, label: string, kind: VoteRecord['kind'] = 'choose', voterIsAdmin = false) => ({
  id: 1, predictionId: 1, userId, kind, label, createdAt: new Date(), retractedAt: null, phrase, voterIsAdmin,
});
const targetOf = (set: ReturnType<typeof buildTrainingSet>, phrase: string) => set.train.find((p) => p.phrase === phrase)?.target ?? new Map<string, number>();

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
    // Two users agree, one dissents: the agreeing pair outweighs the dissenter by more than 2 to 1.
    expect(p?.target.get('size')).toBeGreaterThan(2 / 3);
    expect((p?.target.get('size') ?? 0) + (p?.target.get('girth') ?? 0)).toBeCloseTo(1);
    expect(p?.target.has('weight')).toBe(false);
    expect(set.labels).toContain('girth');
  });

  it("an admin's vote outweighs a single user's conflicting vote; both stay in the soft target", () => {
    const set = buildTrainingSet([], [vote('plump', 'user', 'shape'), vote('plump', 'admin', 'size', 'choose', true)]);
    const target = targetOf(set, 'plump');
    expect(target.get('size') ?? 0).toBeGreaterThan(target.get('shape') ?? 1);
    expect(target.get('shape') ?? 0).toBeGreaterThan(0);
  });

  it("a distrusted voter's own phrases weigh less than an ordinary user's", () => {
    const consensus = Array.from({ length: 8 }, (_, i) => ['a', 'b', 'c'].map((u) => vote(`p${i}`, u, 'size'))).flat();
    const flood = [...Array.from({ length: 8 }, (_, i) => vote(`p${i}`, 'troll', 'smell')), vote('only-troll', 'troll', 'smell')];
    const set = buildTrainingSet([], [...consensus, ...flood, vote('only-newbie', 'newbie', 'size')]);
    const weightOf = (phrase: string) => set.train.find((p) => p.phrase === phrase)?.weight ?? 0;
    expect(weightOf('only-newbie')).toBe(USER_WEIGHT);
    expect(weightOf('only-troll')).toBeLessThan(USER_WEIGHT / 2);
    expect(targetOf(set, 'p0').get('size') ?? 0).toBeGreaterThan(0.9);
  });

  it('holds out a stable 5% of seed phrases', () => {
    const examples = Array.from({ length: 2000 }, (_, i) => ({ phrase: `w${i}`, label: 'l', source: 'wordnet' as const, weight: 1 }));
    const set = buildTrainingSet(examples, []);
    const held = set.heldOut['seed-holdout'] ?? [];
    expect(held.length / 2000).toBeGreaterThan(0.03);
    expect(held.length / 2000).toBeLessThan(0.07);
    expect(held.every((p) => bucket(p.phrase, 20) === 0)).toBe(true);
  });

  it('trains on every phrase users voted on, however many there are (none is held out)', () => {
    const votes = Array.from({ length: 300 }, (_, i) => vote(`voted${i}`, `u${i}`, 'size'));
    const examples = Array.from({ length: 300 }, (_, i) => ({ phrase: `voted${i}`, label: 'smell', source: 'wordnet' as const, weight: 1 }));
    const set = buildTrainingSet(examples, votes);
    expect(set.train.filter((p) => p.fromUsers)).toHaveLength(300);
    expect(Object.values(set.heldOut).flat().some((p) => p.phrase.startsWith('voted'))).toBe(false);
  });

  it('an imported example is what people taught: always trained on, never held out', () => {
    const examples = Array.from({ length: 400 }, (_, i) => ({ phrase: `w${i}`, label: 'l', source: 'import' as const, weight: 1 }));
    const set = buildTrainingSet(examples, []);
    expect(set.heldOut['seed-holdout']).toHaveLength(0);
    expect(set.train.every((p) => p.fromUsers)).toBe(true);
  });
});
