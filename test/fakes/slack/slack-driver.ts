import type { SlackHarness } from './slack-harness.js';

/** A prediction message the bot posted in answer to `/attribute`. */
export interface PostedPrediction {
  channel: string;
  ts: string;
  text: string;
}

/**
 * Runs `/attribute <phrase>` as `userId` and waits until the bot posted its answer and added all
 * 7 vote reactions to it.
 */
export async function askAttribute(h: SlackHarness, userId: string, phrase: string, channel = 'C1'): Promise<PostedPrediction> {
  const before = h.fake.calls('chat.postMessage').length;
  const ack = await h.client.command({ command: '/attribute', text: phrase, userId, channelId: channel });
  if (ack.status !== 200) throw new Error(`/attribute was answered ${ack.status}`);
  const post = await h.fake.waitFor(() => h.fake.calls('chat.postMessage')[before]);
  const ts = String(post.answer?.['ts']);
  await h.fake.waitFor(() => h.fake.calls('reactions.add').filter((c) => c.body['timestamp'] === ts).length === 7);
  return { channel, ts, text: String(post.body['text']) };
}

/**
 * A user adds (or removes) a reaction in Slack: the workspace state changes, then Slack delivers
 * the event to the bot. Returns the HTTP status of the event delivery.
 */
export async function react(
  h: SlackHarness,
  at: { channel: string; ts: string },
  user: string,
  name: string,
  added = true,
): Promise<number> {
  const msg = h.fake.message(at.channel, at.ts);
  if (msg) {
    if (added) h.fake.store.addReaction(msg, name, user);
    else h.fake.store.removeReaction(msg, name, user);
  }
  const r = { user, name, channel: at.channel, ts: at.ts };
  return (added ? await h.client.reactionAdded(r) : await h.client.reactionRemoved(r)).status;
}

/** Edits the bot made to a message, oldest first. */
export function messageEdits(h: SlackHarness, at: { channel: string; ts: string }): string[] {
  return h.fake
    .calls('chat.update')
    .filter((c) => c.body['channel'] === at.channel && c.body['ts'] === at.ts)
    .map((c) => String(c.body['text']));
}

/** Runs `items` through `work` with at most `concurrency` running at once. */
export async function withConcurrency<T>(items: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Polls an async `probe` until it returns something truthy. */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false> | T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`eventually: condition not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
