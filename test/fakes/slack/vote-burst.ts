import type { ChatCore } from '../../../src/core/chat/chat-core.js';
import type { Storage } from '../../../src/core/ports.js';
import { slackNameToEmoji } from '../../../src/adapters/slack/slack-emoji.js';
import type { FakeSlackApi } from './fake-slack-api.js';
import type { SlackEventsClient } from './signed-client.js';
import { compareTallies, seeded } from '../../support/vote-tally.js';

/** A prediction message in the fake workspace, mapped in the database. */
export interface BurstMessage {
  channel: string;
  ts: string;
  predictionId: number;
}

export interface BurstOptions {
  reactions: number;
  users: number;
  /** Events in flight at once: one sender per user, so a user's events on a message stay in order. */
  inFlight: number;
  seed: number;
  /** Deliveries of one event before giving up (Slack retries an event answered with an error). */
  maxAttempts?: number;
}

export interface BurstResult {
  /** Events answered 200 (at some attempt). */
  acked: number;
  /** Events never answered 200. */
  unacked: number;
  /** Deliveries answered with an error status or failed on the network (each then retried). */
  refused: number;
  /** Milliseconds from sending to the answer, of every 200. */
  ackMs: number[];
  seconds: number;
}

const NAMES = ['one', 'two', 'three', 'four', 'five', 'white_check_mark', 'x'];

/** Asks `/attribute` through the core `n` times and posts each answer as a message in the fake workspace. */
export async function postBurstMessages(core: ChatCore, fake: FakeSlackApi, n: number, channel = 'CBURST'): Promise<BurstMessage[]> {
  const phrases = ['very large', 'very hot', 'pretty cheap', 'so tasty', 'quite loud', 'very fast', 'kind of smelly', 'really strong'];
  const out: BurstMessage[] = [];
  for (let i = 0; i < n; i++) {
    const ctx = { platform: 'slack' as const, workspaceId: fake.identity.teamId, channelId: channel, userId: `UASK${i % 50}`, isAdmin: false };
    const reply = await core.attribute(ctx, phrases[i % phrases.length] ?? 'big');
    if (reply.kind !== 'prediction') throw new Error(`no prediction: ${reply.text}`);
    const msg = fake.store.post(channel, fake.identity.botUserId, reply.text);
    await core.attachMessage(reply.predictionId, msg.ts);
    out.push({ channel, ts: msg.ts, predictionId: reply.predictionId });
  }
  return out;
}

/**
 * Users toggle random vote reactions on random messages: each toggle changes the fake workspace,
 * then is delivered to the bot (signed, like Slack), and delivered again after an error status.
 */
export async function runVoteBurst(client: SlackEventsClient, fake: FakeSlackApi, messages: readonly BurstMessage[], opts: BurstOptions): Promise<BurstResult> {
  const rand = seeded(opts.seed);
  const users = Array.from({ length: opts.users }, (_, i) => `UV${String(i).padStart(4, '0')}`);
  const perUser = new Map<string, { m: BurstMessage; name: string }[]>(users.map((u) => [u, []]));
  for (let i = 0; i < opts.reactions; i++) {
    const m = messages[Math.floor(rand() * messages.length)] as BurstMessage;
    perUser.get(users[i % users.length] as string)?.push({ m, name: NAMES[Math.floor(rand() * NAMES.length)] as string });
  }
  const result: BurstResult = { acked: 0, unacked: 0, refused: 0, ackMs: [], seconds: 0 };
  const started = performance.now();
  const queue = [...perUser.entries()];
  const sender = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [user, ops] = next;
      for (const { m, name } of ops) {
        const msg = fake.message(m.channel, m.ts);
        if (!msg) throw new Error(`message ${m.ts} missing`);
        const added = !(msg.reactions.get(name) ?? []).includes(user);
        if (added) fake.store.addReaction(msg, name, user);
        else fake.store.removeReaction(msg, name, user);
        await deliver(client, { user, name, channel: m.channel, ts: m.ts }, added, opts.maxAttempts ?? 40, result);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(opts.inFlight, opts.users) }, sender));
  result.seconds = (performance.now() - started) / 1000;
  return result;
}

async function deliver(client: SlackEventsClient, r: { user: string; name: string; channel: string; ts: string }, added: boolean, maxAttempts: number, result: BurstResult): Promise<void> {
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const t0 = performance.now();
    // A reset connection is a failed delivery, as for Slack: delivered again (votes are idempotent).
    const status = await (added ? client.reactionAdded(r) : client.reactionRemoved(r)).then(
      (res) => res.status,
      () => 0,
    );
    if (status === 200) {
      result.acked++;
      result.ackMs.push(performance.now() - t0);
      return;
    }
    result.refused++;
    // Backing off (Slack waits longer still between its retries) lets the shed load drain.
    await new Promise((res) => setTimeout(res, Math.min(2_000, 50 * 2 ** attempt)));
  }
  result.unacked++;
}

/** {@link compareTallies} of the vote reactions left on Slack messages (by emoji name). */
export function compareSlackTallies(storage: Storage, fake: FakeSlackApi, messages: readonly BurstMessage[]): ReturnType<typeof compareTallies> {
  return compareTallies(
    storage,
    messages.map((m) => ({
      predictionId: m.predictionId,
      reactions: [...(fake.message(m.channel, m.ts)?.reactions ?? [])].flatMap(([name, users]) => {
        const emoji = slackNameToEmoji(name);
        return emoji === undefined ? [] : [[emoji, users] as const];
      }),
    })),
  );
}
