import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NAME_ATTRIBUTE_SHORTCUT } from '../../src/adapters/slack/shortcut-listener.js';
import { FakeSlackApi } from '../fakes/slack/fake-slack-api.js';
import { responsesTo, runShortcut } from '../fakes/slack/interactive-driver.js';
import { eventually } from '../fakes/slack/slack-driver.js';
import { startSlackHarness, type SlackHarness } from '../fakes/slack/slack-harness.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('Slack message shortcut "Name the attribute": Bolt over signed HTTP, real core on PostgreSQL', () => {
  let app: TestApp;
  let fake: FakeSlackApi;
  let h: SlackHarness;

  beforeAll(async () => {
    app = await createTestApp();
    fake = await FakeSlackApi.start();
    h = await startSlackHarness({ core: app.core, fake });
  });
  afterAll(async () => {
    await h.stop();
    await fake.close();
    await app.close();
  });

  it('answers in the channel for the message text (as Slack stores it: escaped, with line breaks), like /attribute', async () => {
    // Someone else's message in the channel.
    const msg = fake.store.post('C1', 'U7', 'so\nvery &amp; large');
    const before = fake.calls('chat.postMessage').length;
    const r = await runShortcut(h, msg, 'U8', NAME_ATTRIBUTE_SHORTCUT);
    expect(r.status).toBe(200);
    const post = await fake.waitFor(() => fake.calls('chat.postMessage')[before]);
    expect(post.body).toMatchObject({ channel: 'C1', text: expect.stringMatching(/^“so very &amp; large” → size/) as unknown });
    const ts = String(post.answer?.['ts']);
    await fake.waitFor(() => fake.calls('reactions.add').filter((c) => c.body['timestamp'] === ts).length === 7);
    // Asked by whoever used the shortcut (their votes apply to it).
    const p = await eventually(() => app.storage.predictions.findByMessage('slack', 'C1', ts));
    expect(p).toMatchObject({ phraseRaw: 'so very & large', userId: 'U8', workspaceId: 'T0001' });
  });

  it('a message over the phrase limit gets a private hint to use /attribute with a shorter phrase; nothing is posted', async () => {
    const msg = fake.store.post('C1', 'U7', 'this is a message much longer than any phrase the bot answers for, '.repeat(3));
    const posts = fake.calls('chat.postMessage').length;
    const r = await runShortcut(h, msg, 'U9', NAME_ATTRIBUTE_SHORTCUT);
    expect(r.status).toBe(200);
    const hint = await fake.waitFor(() => responsesTo(h, r.responseUrl)[0]);
    expect(hint.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/^That message is \d+ characters long.*Use \/attribute with a shorter phrase/) as unknown });
    expect(fake.calls('chat.postMessage')).toHaveLength(posts);
    expect(await app.storage.predictions.latestForUser('slack', 'U9')).toBeNull();
  });
});
