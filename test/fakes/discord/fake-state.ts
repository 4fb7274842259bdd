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
  /** The interaction type: 2 command (default), 3 component, 4 autocomplete, 5 form submit. */
  type?: number;
  /** The message whose component was used (button clicks, forms opened from one). */
  messageId?: string;
  /** Every interaction callback the bot sent (`POST /interactions/:id/:token/callback`), in order. */
  callbacks?: { type: number; data: unknown }[];
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
      components: [],
      ...m,
    };
    this.messages.set(stored.id, stored);
    return stored;
  }

  private readonly dmChannels = new Map<string, string>();

  /** The id of the bot's direct-message channel with a user (one per user, made on first use). */
  dmChannelOf(userId: string): string {
    let id = this.dmChannels.get(userId);
    if (id === undefined) {
      id = snowflake();
      this.dmChannels.set(userId, id);
    }
    return id;
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
