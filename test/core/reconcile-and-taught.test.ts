import { describe, expect, it } from 'vitest';
import type { NewPrediction } from '../../src/core/types.js';
import { waitFor } from '../contract/vote-contract.js';
import { useTestApp } from '../support/test-app.js';

const prediction = (messageId: string, phrase: string): NewPrediction => ({
  platform: 'slack',
  workspaceId: 'T1',
  channelId: 'C1',
  messageId,
  userId: 'asker',
  phraseRaw: phrase.toUpperCase(),
  phrase,
  candidates: [{ label: 'size', p: 0.6 }, { label: 'weight', p: 0.3 }],
  encoderId: 'enc',
  modelVersionId: null,
});

describe('votes racing reconciliation, and taught-phrase broadcasts', () => {
  const app = useTestApp({ train: false });

  it('reconciliation never retracts a vote cast while it was reading the platform', async () => {
    const { storage, core } = app();
    const p = await storage.predictions.create(prediction('ts-race', 'raced'));
    const gone = { predictionId: p.id, userId: 'UGONE', kind: 'choose' as const, label: 'weight' };
    await storage.feedback.record(gone);
    await new Promise((r) => setTimeout(r, 5));
    await core.reconcile('slack', async (read) => {
      if (read.id !== p.id) return null;
      // A live reaction lands after the platform answered the read, before the stored votes are compared.
      const live = await core.reaction({ platform: 'slack', channelId: 'C1', messageId: 'ts-race', userId: 'ULIVE', emoji: '1️⃣', added: true });
      expect(live.kind).toBe('recorded');
      return [];
    });
    const votes = await storage.feedback.listForPrediction(p.id);
    // The vote that vanished from the message is retracted; the one cast during the read stays.
    expect(votes.map((v) => v.userId)).toEqual(['ULIVE']);
  });

  it("a recorded vote and its retraction each announce the prediction's normalized phrase", async () => {
    const { storage, core } = app();
    await storage.predictions.create(prediction('ts-taught', 'very chonky'));
    const seen: string[] = [];
    const off = await storage.events.onTaught((phrase) => seen.push(phrase));
    const ev = { platform: 'slack' as const, channelId: 'C1', messageId: 'ts-taught', userId: 'U1', emoji: '2️⃣', added: true };
    await core.reaction(ev);
    await waitFor(() => seen.length === 1);
    // A duplicate changes nothing and announces nothing.
    await core.reaction(ev);
    await core.reaction({ ...ev, added: false });
    await waitFor(() => seen.length === 2);
    await off();
    expect(seen).toEqual(['very chonky', 'very chonky']);
  });
});
