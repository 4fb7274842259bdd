import { describe, expect, it } from 'vitest';
import { createRandom } from '../trainer/prng.js';
import { ballotsByPhrase, type TrainingVote } from './ballots.js';
import { ADMIN_FACTOR, ballotWeight, PRIOR_RELIABILITY, voterTrust } from './voter-weights.js';

let id = 0;
const vote = (userId: string, phrase: string, label: string, over: Partial<TrainingVote> = {}): TrainingVote => ({
  id: ++id, predictionId: id, userId, kind: 'choose', label, createdAt: new Date('2026-11-25T10:00:00Z'), retractedAt: null, phrase, platform: 'slack', ...over,
});
const trustOf = (votes: TrainingVote[]) => voterTrust(ballotsByPhrase(votes));
const reliability = (trust: ReturnType<typeof trustOf>, user: string) => trust.get(`slack:${user}`)?.reliability;

/** Three users agree on `n` phrases; `outlier` votes another label on each. */
function consensusWithOutlier(n: number, outlier = 'odd'): TrainingVote[] {
  return Array.from({ length: n }, (_, i) => [
    ...['a', 'b', 'c'].map((u) => vote(u, `p${i}`, 'size')),
    vote(outlier, `p${i}`, 'smell'),
  ]).flat();
}

describe('voterTrust', () => {
  it('starts a new voter, or one who only ever voted alone, at the prior', () => {
    const votes = [vote('new', 'lonely', 'size'), ...Array.from({ length: 30 }, (_, i) => vote('solo', `own${i % 10}`, 'size'))];
    const trust = trustOf(votes);
    expect(reliability(trust, 'new')).toBe(PRIOR_RELIABILITY);
    // Voting the same phrases again (other predictions of them) is not agreeing with anyone.
    expect(reliability(trust, 'solo')).toBe(PRIOR_RELIABILITY);
    expect(trust.get('slack:solo')?.overlapping).toBe(0);
  });

  it('gives a consistent outlier a low weight and the agreeing voters a high one', () => {
    const trust = trustOf(consensusWithOutlier(10));
    const odd = reliability(trust, 'odd') ?? 1;
    const a = reliability(trust, 'a') ?? 0;
    expect(odd).toBeLessThan(0.25);
    expect(a).toBeGreaterThan(PRIOR_RELIABILITY);
    expect(a).toBeGreaterThan(4 * odd);
    // More disagreement, less weight.
    expect(reliability(trustOf(consensusWithOutlier(20)), 'odd')).toBeLessThan(odd);
  });

  it('measures agreement against the others only (leave-one-out)', () => {
    // Two voters who always disagree: neither gains from the half of the votes that is their own.
    const votes = Array.from({ length: 8 }, (_, i) => [vote('x', `q${i}`, 'size'), vote('y', `q${i}`, 'smell')]).flat();
    const trust = trustOf(votes);
    expect(trust.get('slack:x')).toMatchObject({ overlapping: 8, agreement: 0 });
    expect(reliability(trust, 'x')).toBeLessThan(PRIOR_RELIABILITY);
    expect(reliability(trust, 'x')).toBe(reliability(trust, 'y'));
  });

  it('earns less by voting every candidate than by voting the consensus label alone', () => {
    const hedge = Array.from({ length: 6 }, (_, i) => ['size', 'smell', 'weight', 'value'].map((l) => vote('hedger', `p${i}`, l))).flat();
    const sharp = Array.from({ length: 6 }, (_, i) => vote('sharp', `p${i}`, 'size'));
    const trust = trustOf([...consensusWithOutlier(6), ...hedge, ...sharp]);
    expect(reliability(trust, 'hedger') ?? 1).toBeLessThan(reliability(trust, 'sharp') ?? 0);
  });

  it('weighs an admin ballot by ADMIN_FACTOR and keys voters by platform', () => {
    const [ballot] = ballotsByPhrase([vote('boss', 'p', 'size', { voterIsAdmin: true }), vote('boss', 'p', 'weight')]).get('p') ?? [];
    expect(ballot?.admin).toBe(true);
    expect(ballot && ballotWeight(ballot, new Map())).toBe(PRIOR_RELIABILITY * ADMIN_FACTOR);
    const split = ballotsByPhrase([vote('42', 'p', 'size'), vote('42', 'p', 'smell', { platform: 'discord' })]).get('p') ?? [];
    expect(split.map((b) => b.voter).sort()).toEqual(['discord:42', 'slack:42']);
  });

  it('is deterministic and cheap for tens of thousands of votes', () => {
    const random = createRandom(7);
    const labels = ['size', 'smell', 'weight', 'value', 'speed'];
    const votes: TrainingVote[] = [];
    for (let i = 0; i < 60_000; i++) {
      const phrase = `p${Math.floor(random() * 6_000)}`;
      const truth = labels[Number(phrase.slice(1)) % labels.length] ?? 'size';
      votes.push(vote(`u${Math.floor(random() * 800)}`, phrase, random() < 0.8 ? truth : (labels[Math.floor(random() * labels.length)] ?? 'size')));
    }
    const started = performance.now();
    const trust = trustOf(votes);
    expect(performance.now() - started).toBeLessThan(3_000);
    expect(trustOf(votes)).toEqual(trust);
    expect(trust.size).toBe(800);
  });
});
