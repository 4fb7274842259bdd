import type { App } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { escapeSlackText } from './slack-text.js';

/**
 * Edits prediction messages (`chat.update`), one request at a time per message, and only the newest
 * text: when a burst of votes lands on one message, the edits queued behind a running one collapse
 * into a single call. That keeps the footer's final state right and stays inside Slack's rate limit
 * for `chat.update` instead of sending one edit per vote.
 */
export class MessageUpdater {
  private readonly slots = new Map<string, { next: string | undefined; done: Promise<void> }>();

  constructor(
    private readonly client: App['client'],
    private readonly logger: Logger,
  ) {}

  /** Sets the message's text; resolves once that text (or a newer one) was sent. Never rejects. */
  update(channel: string, ts: string, text: string): Promise<void> {
    const key = `${channel}/${ts}`;
    const slot = this.slots.get(key);
    if (slot) {
      slot.next = text;
      return slot.done;
    }
    const fresh: { next: string | undefined; done: Promise<void> } = { next: text, done: Promise.resolve() };
    this.slots.set(key, fresh);
    fresh.done = (async () => {
      try {
        while (fresh.next !== undefined) {
          const current = fresh.next;
          fresh.next = undefined;
          await this.send(channel, ts, current);
        }
      } finally {
        this.slots.delete(key);
      }
    })();
    return fresh.done;
  }

  private async send(channel: string, ts: string, text: string): Promise<void> {
    try {
      await this.client.chat.update({ channel, ts, text: escapeSlackText(text) });
    } catch (err) {
      this.logger.error({ err, channel, ts }, 'slack: could not edit the prediction message');
    }
  }
}
