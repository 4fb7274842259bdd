import { describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/core/chat/chat-core.js';
import { useTestApp } from '../support/test-app.js';

const ctx = (userId: string): ChatContext => ({ platform: 'console', workspaceId: 'w', channelId: 'c', userId, isAdmin: false });

describe('/attribute quiz', () => {
  const app = useTestApp();

  it('says so when there is nothing to ask', async () => {
    expect((await app().core.attribute(ctx('u'), 'quiz')).text).toMatch(/Nothing to quiz/);
  });

  it('asks about the most uncertain unvoted recent phrase, as a prediction that takes reactions', async () => {
    const phrases = ['huge', 'hot', 'cheesy puppy', 'sweet'];
    const asked = [];
    for (const p of phrases) asked.push(await app().core.attribute(ctx('asker'), p));
    // Voting on one removes it from the pool.
    const first = asked[0];
    if (first?.kind !== 'prediction') throw new Error('no prediction');
    await app().core.attachMessage(first.predictionId, 'm-huge');
    await app().core.reaction({ platform: 'console', channelId: 'c', messageId: 'm-huge', userId: 'v', emoji: '✅', added: true });

    const expected = (await app().app.predictor.mostUncertain(['hot', 'cheesy puppy', 'sweet']))[0];
    const q = await app().core.attribute(ctx('quizzed'), 'quiz');
    expect(q.kind).toBe('prediction');
    expect(q.text).toMatch(/^Quiz/);
    expect(q.text).toContain(`“${expected ?? ''}”`);
    expect(q.text).not.toContain('“huge”');
  });
});
