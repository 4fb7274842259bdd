import type { StoredMessage } from './message-payload.js';
import { snowflake, type FakeUser } from './payloads.js';

/** An interaction the fake dispatched; its token addresses the webhook routes. */
export interface StoredInteraction {
  id: string;
  token: string;
  channelId: string;
  guildId: string;
  /** The original response, once the bot deferred or replied. */
  originalId: string | undefined;
}

/** The fake's memory: messages with their reactions, interactions, and every user seen. */
export class FakeState {
  readonly messages = new Map<string, StoredMessage>();
  readonly interactions = new Map<string, StoredInteraction>();
  readonly users = new Map<string, FakeUser>();

  constructor(readonly bot: FakeUser) {
    this.users.set(bot.id, bot);
  }

  createMessage(m: Partial<StoredMessage> & { channelId: string; content: string }): StoredMessage {
    const stored: StoredMessage = {
      id: snowflake(),
      guildId: undefined,
      author: this.bot,
      flags: 0,
      type: 0,
      webhookId: undefined,
      editedAt: null,
      createdAt: new Date().toISOString(),
      reactions: new Map(),
      referenceId: undefined,
      attachments: [],
      ...m,
    };
    this.messages.set(stored.id, stored);
    return stored;
  }

  /** A message in a channel (ephemeral ones are not fetchable through the channel, as on Discord). */
  channelMessage(channelId: string, messageId: string): StoredMessage | undefined {
    const m = this.messages.get(messageId);
    return m && m.channelId === channelId && (m.flags & 64) === 0 ? m : undefined;
  }

  /** Adds a reaction; returns false if that user already had it. */
  addReaction(m: StoredMessage, emoji: string, user: FakeUser): boolean {
    this.users.set(user.id, user);
    let set = m.reactions.get(emoji);
    if (!set) {
      set = new Set();
      m.reactions.set(emoji, set);
    }
    if (set.has(user.id)) return false;
    set.add(user.id);
    return true;
  }

  removeReaction(m: StoredMessage, emoji: string, userId: string): boolean {
    return m.reactions.get(emoji)?.delete(userId) ?? false;
  }
}
