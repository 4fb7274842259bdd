import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/core/chat/chat-core.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const user = (id: string, isAdmin = false): ChatContext => ({ platform: 'console', workspaceId: 'w', channelId: 'c', userId: id, isAdmin });

describe('instant learning: a vote changes the next answer before any retrain (PostgreSQL, GloVe fixture)', () => {
  let t: TestApp;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    t = await createTestApp();
    stop = await t.app.predictor.follow();
  });
  afterAll(async () => {
    await stop();
    await t.close();
  });

  it('answers the voted label at once, and a retraction undoes it just as fast', async () => {
    const first = await t.core.attribute(user('u1'), 'huge');
    if (first.kind !== 'prediction') throw new Error('no prediction');
    expect(first.text).toMatch(/→ size/);
    const runs = (await t.storage.runs.recent(100)).length;
    await t.core.attachMessage(first.predictionId, 'm-huge');
    const ev = { platform: 'console' as const, channelId: 'c', messageId: 'm-huge', userId: 'u2', emoji: '❌', added: true };
    await t.core.reaction(ev);
    expect(await t.core.correct(user('u2'), 'smell')).toMatchObject({ kind: 'text' });
    await waitUntil(async () => (await t.core.attribute(user('u3'), 'huge')).text.includes('→ smell'));
    expect((await t.storage.runs.recent(100)).length).toBe(runs);

    const votes = await t.storage.feedback.listForPrediction(first.predictionId);
    for (const v of votes) await t.storage.feedback.retractById(v.id);
    t.app.predictor.learn('huge');
    await t.app.predictor.settled();
    expect((await t.core.attribute(user('u3'), 'huge')).text).toMatch(/→ size/);
  });
});

/** Polls a condition (bounded: 100 tries), for the broadcast that carries a vote to the predictor. */
async function waitUntil(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition never held');
}
