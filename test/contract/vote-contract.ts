import { describe, expect, it } from 'vitest';
import type { NewPrediction } from '../../src/core/types.js';
import { openedFor, type OpenStorage } from './contract-fixtures.js';

const prediction = (phrase: string, messageId: string | null = null): NewPrediction => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  messageId,
  userId: 'asker',
  phraseRaw: phrase,
  phrase,
  candidates: [{ label: 'size', p: 0.6 }, { label: 'weight', p: 0.3 }],
  encoderId: 'enc',
  modelVersionId: null,
});

/** Votes under concurrency, and the quiz pool per phrase: every `Storage` must agree. */
export function describeVoteContract(name: string, open: OpenStorage) {
  describe(`vote contract: ${name}`, () => {
    const db = openedFor(open);

    it('30 concurrent records of one vote create it exactly once; so do 30 concurrent revivals', async () => {
      const p = await db.storage.predictions.create(prediction('concurrent'));
      const vote = { predictionId: p.id, userId: 'u1', kind: 'choose' as const, label: 'size' };
      const first = await Promise.all(Array.from({ length: 30 }, () => db.storage.feedback.record(vote)));
      expect(first.filter((r) => r.created)).toHaveLength(1);
      expect(await db.storage.feedback.retract(vote)).toBe(true);
      const revived = await Promise.all(Array.from({ length: 30 }, () => db.storage.feedback.record({ ...vote, voterIsAdmin: true })));
      expect(revived.filter((r) => r.created)).toHaveLength(1);
      expect(await db.storage.feedback.listForPrediction(p.id)).toMatchObject([{ userId: 'u1', voterIsAdmin: true, retractedAt: null }]);
    });

    it('a vote on any prediction of a phrase takes the phrase out of the quiz pool', async () => {
      const since = new Date(Date.now() - 60_000);
      const a = await db.storage.predictions.create(prediction('asked twice'));
      await db.storage.predictions.create(prediction('asked twice'));
      await db.storage.predictions.create(prediction('nobody voted'));
      expect(await db.storage.predictions.unvotedPhrasesSince(since, 50)).toContain('asked twice');
      await db.storage.feedback.record({ predictionId: a.id, userId: 'u2', kind: 'confirm', label: 'size' });
      const pool = await db.storage.predictions.unvotedPhrasesSince(since, 50);
      expect(pool).toContain('nobody voted');
      expect(pool).not.toContain('asked twice');
    });

    it('publishTaught reaches onTaught listeners; unsubscribing stops them', async () => {
      const seen: string[] = [];
      const off = await db.storage.events.onTaught((phrase) => seen.push(phrase));
      await db.storage.events.publishTaught('very chonky');
      await waitFor(() => seen.length === 1);
      await off();
      await db.storage.events.publishTaught('after off');
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).toEqual(['very chonky']);
    });
  });
}

/** Polls `cond` until true (at most `seconds`, 5 by default). */
export async function waitFor(cond: () => boolean, seconds = 5): Promise<void> {
  for (let i = 0; i < seconds * 40 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!cond()) throw new Error(`condition not met in ${seconds} s`);
}
