import { describe, expect, it } from 'vitest';
import type { ChatContext, PredictionReply } from '../../src/core/chat/chat-core.js';
import { LEARNING_PROMPT_USER } from '../../src/core/learning/learning-prompts.js';
import type { ChannelPoster } from '../../src/core/ports.js';
import type { Platform } from '../../src/core/types.js';
import { FIXTURE_EXAMPLES, useTestApp, type TestApp } from '../support/test-app.js';

const ctx = (userId: string): ChatContext => ({ platform: 'console', workspaceId: 'w', channelId: 'c', userId, isAdmin: false });

/**
 * A platform's side of learning prompts, as the adapters do it: the message id goes to the core
 * before anyone can react. Posting to `refuse` fails like a channel the bot may not post in.
 */
let messages = 0;
function channelPoster(app: TestApp, platform: Platform, refuse?: string): ChannelPoster & { posts: { channelId: string; reply: PredictionReply }[] } {
  const posts: { channelId: string; reply: PredictionReply }[] = [];
  return {
    platform,
    posts,
    workspaceOf: (channelId) => Promise.resolve(`${platform}-workspace-of-${channelId}`),
    async postPrediction(channelId, reply) {
      if (channelId === refuse) throw new Error('not_in_channel');
      posts.push({ channelId, reply });
      await app.core.attachMessage(reply.predictionId, `${platform}-msg-${++messages}`);
    },
  };
}

describe('learning prompts', () => {
  const app = useTestApp();

  it('before anyone asked anything, asks about a training phrase nobody voted on', async () => {
    const poster = channelPoster(app(), 'slack');
    const outcome = await app().app.learningPrompts([{ poster, channelId: 'CSEED' }]);
    if (outcome.kind !== 'asked') throw new Error('nothing was asked');
    expect(FIXTURE_EXAMPLES.map((e) => e.phrase)).toContain(outcome.phrase);
    expect(poster.posts).toHaveLength(1);
  });

  it('posts the most uncertain unvoted phrase to every channel, never the same phrase twice in a row, and takes votes', async () => {
    for (const p of ['huge', 'hot', 'cheesy puppy', 'sweet', 'rich']) await app().core.attribute(ctx('asker'), p);
    const slack = channelPoster(app(), 'slack');
    const discord = channelPoster(app(), 'discord');
    const targets = [{ poster: slack, channelId: 'CLEARN' }, { poster: discord, channelId: '42' }];

    const expected = await app().app.predictor.mostUncertain(['huge', 'hot', 'cheesy puppy', 'sweet', 'rich']);
    const first = await app().app.learningPrompts(targets);
    expect(first).toMatchObject({ kind: 'asked', phrase: expected[0], failed: [] });
    expect(slack.posts.map((p) => p.channelId)).toEqual(['CLEARN']);
    expect(discord.posts.map((p) => p.channelId)).toEqual(['42']);
    const reply = slack.posts[0]?.reply;
    expect(reply?.text).toMatch(new RegExp(`^Learning prompt — I'm unsure about this one; which is right\\?\\n“${expected[0] ?? ''}” → `));
    expect(reply?.reactions).toHaveLength(7);
    const stored = await app().storage.predictions.get(reply?.predictionId ?? -1);
    expect(stored).toMatchObject({ platform: 'slack', workspaceId: 'slack-workspace-of-CLEARN', channelId: 'CLEARN', userId: LEARNING_PROMPT_USER });
    expect(stored?.messageId).toMatch(/^slack-msg-\d+$/);

    // Nobody answered: the next round asks about the next most uncertain phrase, not the same one.
    const second = await app().app.learningPrompts(targets);
    expect(second).toMatchObject({ kind: 'asked', phrase: expected[1] });

    // A reaction on the prompt is a vote like on any prediction.
    const voted = await app().core.reaction({ platform: 'slack', channelId: 'CLEARN', messageId: stored?.messageId ?? '', userId: 'UVOTER', emoji: '✅', added: true });
    expect(voted.kind).toBe('recorded');
    expect(await app().storage.feedback.listForPrediction(reply?.predictionId ?? -1)).toMatchObject([{ userId: 'UVOTER', kind: 'confirm' }]);
  });

  it('a channel that refuses the post is reported; the other channels still get the prompt', async () => {
    await app().core.attribute(ctx('asker'), 'very loud');
    const ok = channelPoster(app(), 'discord');
    const refusing = channelPoster(app(), 'slack', 'CCLOSED');
    const outcome = await app().app.learningPrompts([{ poster: refusing, channelId: 'CCLOSED' }, { poster: ok, channelId: '42' }]);
    expect(outcome.kind).toBe('asked');
    if (outcome.kind !== 'asked') return;
    expect(outcome.failed.map((f) => [f.platform, f.channelId, (f.error as Error).message])).toEqual([['slack', 'CCLOSED', 'not_in_channel']]);
    expect(outcome.posted.map((p) => [p.platform, p.channelId])).toEqual([['discord', '42']]);
    expect(ok.posts).toHaveLength(1);
  });
});
