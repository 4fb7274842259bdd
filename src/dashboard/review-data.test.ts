import { describe, expect, it } from 'vitest';
import type { FeedbackKind, Platform, VoteRecord } from '../core/types.js';
import { findDisputes } from './review-data.js';

let nextId = 1;
function vote(phrase: string, userId: string, label: string, opts: { kind?: FeedbackKind; admin?: boolean; predictionId?: number } = {}): VoteRecord & { phrase: string; platform: Platform } {
  return {
    id: nextId++,
    predictionId: opts.predictionId ?? 1,
    userId,
    kind: opts.kind ?? 'choose',
    label,
    voterIsAdmin: opts.admin ?? false,
    createdAt: new Date('2026-11-30T12:00:00Z'),
    retractedAt: null,
    phrase,
    platform: 'slack',
  };
}

describe('findDisputes', () => {
  const votes = [
    vote('huge', 'a', 'size', { predictionId: 1 }),
    vote('huge', 'b', 'size', { predictionId: 2 }),
    vote('huge', 'c', 'weight', { predictionId: 3 }),
    vote('tiny', 'a', 'size', { predictionId: 4 }),
    vote('tiny', 'b', 'size', { predictionId: 4 }),
    vote('salty', 'a', 'taste', { predictionId: 5 }),
    vote('salty', 'c', 'x', { kind: 'reject', predictionId: 5 }),
  ];

  it('lists only phrases whose voters chose different labels, with each voter and the heavier label first', () => {
    const [huge, ...rest] = findDisputes(votes, new Set(), 10);
    expect(rest).toEqual([]);
    expect(huge?.phrase).toBe('huge');
    expect(huge?.labels.map((l) => l.label)).toEqual(['size', 'weight']);
    expect(huge?.voters.map((v) => v.userId).sort()).toEqual(['a', 'b', 'c']);
    expect(huge?.latestPredictionId).toBe(3);
    // a and b agree on two phrases; c contradicts them: c weighs less.
    const weight = (u: string) => huge?.voters.find((v) => v.userId === u)?.weight ?? NaN;
    expect(weight('c')).toBeLessThan(weight('a'));
    expect(huge?.settled).toBe(false);
  });

  it('gives a quarantined voter no weight, and puts settled phrases after unsettled ones', () => {
    const more = [...votes, vote('cold', 'a', 'temperature', { predictionId: 6 }), vote('cold', 'c', 'emotion', { predictionId: 6 }), vote('huge', 'boss', 'size', { admin: true, predictionId: 3 })];
    const disputes = findDisputes(more, new Set(['slack:c']), 10);
    expect(disputes.map((d) => d.phrase)).toEqual(['cold', 'huge']);
    expect(disputes[1]?.settled).toBe(true);
    const c = disputes[0]?.voters.find((v) => v.userId === 'c');
    expect(c).toMatchObject({ quarantined: true, weight: 0 });
    expect(disputes[0]?.labels[0]).toMatchObject({ label: 'temperature' });
    expect(findDisputes(more, new Set(), 1)).toHaveLength(1);
  });
});
