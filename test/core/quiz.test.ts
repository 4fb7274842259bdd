import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/core/chat/chat-core.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

const ctx = (userId: string): ChatContext => ({ platform: 'console', workspaceId: 'w', channelId: 'c', userId, isAdmin: false });

describe('/attribute quiz', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('says so when there is nothing to ask', async () => {
    expect((await t.core.attribute(ctx('u'), 'quiz')).text).toMatch(/Nothing to quiz/);
  });

  it('asks about the most uncertain unvoted recent phrase, as a prediction that takes reactions', async () => {
    const phrases = ['huge', 'hot', 'cheesy puppy', 'sweet'];
    const asked = [];
    for (const p of phrases) asked.push(await t.core.attribute(ctx('asker'), p));
    // Voting on one removes it from the pool.
    const first = asked[0];
    if (first?.kind !== 'prediction') throw new Error('no prediction');
    await t.core.attachMessage(first.predictionId, 'm-huge');
    await t.core.reaction({ platform: 'console', channelId: 'c', messageId: 'm-huge', userId: 'v', emoji: '✅', added: true });

    const expected = (await t.app.predictor.mostUncertain(['hot', 'cheesy puppy', 'sweet']))[0];
    const q = await t.core.attribute(ctx('quizzed'), 'quiz');
    expect(q.kind).toBe('prediction');
    expect(q.text).toMatch(/^Quiz/);
    expect(q.text).toContain(`“${expected ?? ''}”`);
    expect(q.text).not.toContain('“huge”');
  });
});
