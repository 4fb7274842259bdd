import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { pngChartRenderer } from '../../src/chart/line-chart-png.js';
import type { VoteControls } from '../../src/core/chat/chat-core.js';
import { createChatCore } from '../../src/core/chat/create-chat-core.js';
import { rateLimiter } from '../../src/core/middleware/rate-limit.js';
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

  it('reconciliation retracts a vote whose reaction is gone, never a click; a vote of unknown way only where no buttons are shown', async () => {
    const { storage, predictor, trainer } = app().app;
    const coreWith = (voteControls: VoteControls) =>
      createChatCore({ storage, predictor, trainer, rateLimit: rateLimiter(10_000, 60_000), charts: pngChartRenderer(pino({ level: 'silent' })), reconcileDays: 7, voteControls });
    const both = coreWith('both');
    const p = await storage.predictions.create(prediction('ts-ways', 'ways'));
    const where = { platform: 'slack' as const, channelId: 'C1', messageId: 'ts-ways' };
    expect((await both.vote({ ...where, userId: 'UCLICK', choice: '1' })).kind).toBe('recorded');
    expect((await both.reaction({ ...where, userId: 'UREACT', emoji: '2️⃣', added: true })).kind).toBe('recorded');
    // Stored before the way was recorded (as after an upgrade).
    await storage.feedback.record({ predictionId: p.id, userId: 'UOLD', kind: 'choose', label: 'weight' });
    expect((await storage.feedback.listForPrediction(p.id)).map((v) => [v.userId, v.via])).toEqual([['UCLICK', 'button'], ['UREACT', 'reaction'], ['UOLD', undefined]]);
    await new Promise((r) => setTimeout(r, 5));
    // The message has no reactions any more (removed while the bot was down).
    const none = (read: { id: number }) => Promise.resolve(read.id === p.id ? [] : null);
    await both.reconcile('slack', none);
    expect((await storage.feedback.listForPrediction(p.id)).map((v) => v.userId)).toEqual(['UCLICK', 'UOLD']);
    // Where only reactions are shown, a vote of unknown way was a reaction; a click still stays.
    await coreWith('reactions').reconcile('slack', none);
    expect((await storage.feedback.listForPrediction(p.id)).map((v) => v.userId)).toEqual(['UCLICK']);
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
