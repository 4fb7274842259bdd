import type { Admission } from './admission.js';
import { LatestWins } from './latest-wins.js';

/**
 * The one place that orders what happens to a prediction message, on every platform:
 *
 * - {@link MessageOrder.vote} runs vote work one at a time per message, in arrival order (different
 *   messages run concurrently). A quick add-then-remove cannot be stored as remove-then-add, and
 *   each vote's tally is at least as fresh as the previous one's.
 * - {@link MessageOrder.post} and {@link MessageOrder.posted}: a vote on a message that is still
 *   being posted (shown, its id not stored yet) waits for that post, instead of finding no
 *   prediction for the message (a click can arrive before the platform's reply to the post does).
 * - {@link MessageOrder.edit} sends the message's newest text: edits of one message never race, and
 *   the ones waiting behind a running edit collapse into the latest (a burst of votes becomes a
 *   handful of edits showing the final count, inside the platforms' rate limits).
 */
export class MessageOrder {
  private readonly tails = new Map<string, Promise<unknown>>();
  private readonly posting = new Map<string, Set<Promise<unknown>>>();
  private readonly edits: LatestWins;

  /** `minEditGapMs`: least time between two edits of one message when more are waiting (default 250 ms). */
  constructor(onEditError: (err: unknown, key: string) => void, minEditGapMs = 250) {
    this.edits = new LatestWins(onEditError, minEditGapMs);
  }

  /** Runs `task` after every earlier task of the same message has settled. */
  vote<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    // A failed task must not block the ones behind it: they wait for it to settle, not succeed.
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /**
   * {@link vote} with a slot of `admission`, asked for at arrival rather than when the message's
   * earlier votes are done. Waiting behind them then costs no second wait in the admission line:
   * with the slot asked for late, a message with k votes in flight waited k admission waits, the
   * tail of Slack's ack time under a burst. No deadlock: the line is first come, first served, so
   * every earlier vote of the message got its slot (or was refused) before this one.
   * `inLine`: never refused ({@link Admission.runInLine}), for events that are not redelivered.
   */
  admitted<T>(key: string, admission: Admission, task: () => Promise<T>, inLine = false): Promise<T> {
    const slot = admission.slot(inLine);
    // Awaited in the task below; until then a refusal must not count as unhandled.
    slot.catch(() => undefined);
    return this.vote(key, async () => {
      const release = await slot;
      try {
        return await task();
      } finally {
        release();
      }
    });
  }

  /** Tracks `work` (showing a prediction in `channel` and storing its message id) until it settles. */
  post<T>(channel: string, work: Promise<T>): Promise<T> {
    const set = this.posting.get(channel) ?? new Set<Promise<unknown>>();
    this.posting.set(channel, set);
    set.add(work);
    const done = () => {
      set.delete(work);
      if (set.size === 0 && this.posting.get(channel) === set) this.posting.delete(channel);
    };
    work.then(done, done);
    return work;
  }

  /** Resolves once every post in `channel` tracked by now has settled (stored, or failed). */
  async posted(channel: string): Promise<void> {
    const set = this.posting.get(channel);
    if (set) await Promise.allSettled([...set]);
  }

  /** Queues `write` (an edit of the message), replacing one still waiting; resolves when it or a newer one ran. */
  edit(key: string, write: () => Promise<void>): Promise<void> {
    return this.edits.schedule(key, write);
  }

  /** Resolves once every queued edit has run. */
  idle(): Promise<void> {
    return this.edits.idle();
  }
}

/** The key of a message for {@link MessageOrder}. */
export function messageKey(channelId: string, messageId: string): string {
  return `${channelId}/${messageId}`;
}
