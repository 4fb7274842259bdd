import { describe, expect, it } from 'vitest';
import type { Platform, VoteRecord } from '../../core/types.js';
import { buildTrainingSet } from './training-set.js';
import { trustedVotes } from './trusted-votes.js';

let id = 0;
const vote = (userId: string, phrase: string, label: string, at = '2026-11-25T10:00:00Z') => ({
  id: ++id, predictionId: id, userId, kind: 'choose' as VoteRecord['kind'], label, createdAt: new Date(at), retractedAt: null, phrase, platform: 'slack' as Platform,
});

describe('trustedVotes', () => {
  it('drops quarantined users and caps each user per day', () => {
    const votes = [vote('bad', 'a', 'x'), vote('good', 'a', 'y'), ...Array.from({ length: 5 }, (_, i) => vote('spam', `p${i}`, 'z'))];
    const kept = trustedVotes(votes, new Set(['slack:bad']), 3);
    expect(kept.filter((v) => v.userId === 'bad')).toHaveLength(0);
    expect(kept.filter((v) => v.userId === 'spam')).toHaveLength(3);
    expect(trustedVotes([vote('spam', 'q', 'z', '2026-11-26T01:00:00Z')], new Set(), 3)).toHaveLength(1);
  });

  it('a user flooding wrong labels cannot overturn what several others agreed on', () => {
    const consensus = ['u1', 'u2', 'u3'].map((u) => vote(u, 'chunky', 'size'));
    const flood = Array.from({ length: 40 }, () => vote('troll', 'chunky', 'smell'));
    const set = buildTrainingSet([], trustedVotes([...consensus, ...flood], new Set()));
    const target = set.train.find((p) => p.phrase === 'chunky')?.target;
    expect((target?.get('size') ?? 0) > (target?.get('smell') ?? 0)).toBe(true);
  });
});
