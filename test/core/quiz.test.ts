import { describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/core/chat/chat-core.js';
import { FIXTURE_EXAMPLES, useTestApp } from '../support/test-app.js';

const ctx = (userId: string): ChatContext => ({ platform: 'console', workspaceId: 'w', channelId: 'c', userId, isAdmin: false });

describe('/attribute quiz', () => {
  const app = useTestApp();

  it('with no recent question, asks about a training phrase nobody voted on', async () => {
    const q = await app().core.attribute(ctx('u'), 'quiz');
    if (q.kind !== 'prediction') throw new Error(`no quiz: ${q.text}`);
    const phrase = /“(.+?)”/.exec(q.text)?.[1];
    expect(FIXTURE_EXAMPLES.map((e) => e.phrase)).toContain(phrase);
    // A vote takes it out of every pool, so the next test starts from recent questions only.
    await app().core.attachMessage(q.predictionId, 'm-quiz-seed');
    const voted = await app().core.reaction({ platform: 'console', channelId: 'c', messageId: 'm-quiz-seed', userId: 'v', emoji: '✅', added: true });
    // The re-rendered message is still the quiz question, now with the vote's footer.
    if (voted.kind !== 'recorded') throw new Error(`vote not recorded: ${voted.kind}`);
    expect(voted.update.text).toMatch(/^Quiz — I'm unsure about this one; which is right\?\n“/);
    expect(voted.update.text).toMatch(/thanks — recorded: /);
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

  it('never quizzes the asker twice on a phrase within the cooldown, even unanswered', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const q = await app().core.attribute(ctx('repeat'), 'quiz');
      if (q.kind !== 'prediction') break;
      await app().core.attachMessage(q.predictionId, `m-repeat-${i}`);
      const phrase = /“(.+?)”/.exec(q.text)?.[1] ?? '';
      expect(seen.has(phrase)).toBe(false);
      seen.add(phrase);
    }
    expect(seen.size).toBeGreaterThan(1);
  });
});
