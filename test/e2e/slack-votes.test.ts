import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeSlackApi } from '../fakes/slack/fake-slack-api.js';
import { askAttribute, eventually, react, withConcurrency } from '../fakes/slack/slack-driver.js';
import { startSlackHarness, type SlackHarness } from '../fakes/slack/slack-harness.js';
import { compareSlackTallies, postBurstMessages, runVoteBurst } from '../fakes/slack/vote-burst.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('Slack votes are durable before acknowledged (real Bolt over signed HTTP, real PostgreSQL)', () => {
  let app: TestApp;
  let fake: FakeSlackApi;
  let h: SlackHarness;

  beforeAll(async () => {
    app = await createTestApp();
    fake = await FakeSlackApi.start();
    h = await startSlackHarness({ core: app.core, fake, reconcileDays: 0 });
  }, 120_000);
  afterAll(async () => {
    await h.stop();
    await fake.close();
    await app.close();
  });

  it('a 200 means the vote is stored: add, then remove right after its 200, leaves no live vote', async () => {
    const posted = await askAttribute(h, 'U1', 'very big');
    const p = await app.storage.predictions.findByMessage('slack', posted.channel, posted.ts);
    const users = Array.from({ length: 40 }, (_, i) => `URACE${i}`);
    await Promise.all(
      users.map(async (u) => {
        expect(await react(h, posted, u, 'two')).toBe(200);
        // Acknowledged: it is in the database now, not eventually.
        expect((await app.storage.feedback.listForPrediction(p?.id ?? -1)).some((v) => v.userId === u)).toBe(true);
        expect(await react(h, posted, u, 'two', false)).toBe(200);
      }),
    );
    expect(await app.storage.feedback.listForPrediction(p?.id ?? -1)).toEqual([]);
  });

  it('10,000 reactions over 500 messages, 200 users, 200 in flight: none lost, none extra, tallies match the messages', async () => {
    const messages = await postBurstMessages(app.core, fake, 500);
    const burst = await runVoteBurst(h.client, fake, messages, { reactions: 10_000, users: 200, inFlight: 200, seed: 15 });
    expect(burst.acked + burst.unacked).toBe(10_000);
    expect(burst.unacked).toBe(0);
    // Compared at once after the last 200: what was acknowledged is stored.
    const tally = await compareSlackTallies(app.storage, fake, messages);
    expect(tally.expected).toBeGreaterThan(1_000);
    expect({ lost: tally.lost, extra: tally.extra }).toEqual({ lost: 0, extra: 0 });
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  }, 900_000);
});

describe('a flood of 2,000 /attribute commands (real Bolt, real PostgreSQL)', () => {
  let app: TestApp;
  let fake: FakeSlackApi;
  let h: SlackHarness;
  beforeAll(async () => {
    app = await createTestApp();
    fake = await FakeSlackApi.start();
    h = await startSlackHarness({ core: app.core, fake, reconcileDays: 0 });
  }, 120_000);
  afterAll(async () => {
    await h.stop();
    await fake.close();
    await app.close();
  });

  it('every user gets a prediction or a clear "busy"; every posted prediction has its message id stored', async () => {
    const users = Array.from({ length: 2_000 }, (_, i) => `UF${String(i).padStart(4, '0')}`);
    const phrases = ['very large', 'very hot', 'pretty cheap', 'so tasty', 'quite loud'];
    const acks: number[] = [];
    await withConcurrency(users, 200, async (u) => {
      const i = Number(u.slice(2));
      const r = await h.client.command({ command: '/attribute', text: phrases[i % phrases.length] ?? 'big', userId: u, channelId: 'CFLOOD', responseUrl: fake.responseUrl(`flood-${u}`) });
      acks.push(r.status);
    });
    expect(acks.filter((s) => s === 200)).toHaveLength(users.length);
    const busy = () => new Set(fake.calls('response_url').filter((c) => /busy/i.test(String(c.body['text']))).map((c) => c.responseId));
    // Answers go out after the acks: wait until every user has one or the other.
    const answered = async () => {
      const b = busy();
      let n = 0;
      for (const u of users) {
        const p = await app.storage.predictions.latestForUser('slack', u);
        if ((p?.messageId && fake.message('CFLOOD', p.messageId)) || b.has(`flood-${u}`)) n++;
      }
      return n === users.length;
    };
    await eventually(answered, 300_000);
    // No message left in the channel without its prediction mapped.
    const posted = fake.store.all().filter((m) => m.channel === 'CFLOOD');
    for (const m of posted) expect(await app.storage.predictions.findByMessage('slack', 'CFLOOD', m.ts)).not.toBeNull();
    expect(posted.length + busy().size).toBeGreaterThanOrEqual(users.length);
    expect(h.logs.filter((l) => l.level >= 50)).toEqual([]);
  }, 600_000);
});
