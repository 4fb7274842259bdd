import { userPayload, type FakeUser } from './payloads.js';

/** A stored message: the fake's state, turned into a payload by {@link messagePayload}. */
export interface StoredMessage {
  id: string;
  channelId: string;
  guildId: string | undefined;
  author: FakeUser;
  content: string;
  flags: number;
  /** 0 default, 19 reply, 20 chat-input command response. */
  type: number;
  webhookId: string | undefined;
  editedAt: string | null;
  createdAt: string;
  /** emoji name → user ids, in insertion order. */
  reactions: Map<string, Set<string>>;
  referenceId: string | undefined;
  /** Files uploaded with the message (multipart). */
  attachments: StoredAttachment[];
  /** Message components (action rows of buttons) as the bot sent them. */
  components: unknown[];
}

/** A file attached to a message. */
export interface StoredAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  description: string | undefined;
  data: Buffer;
}

export function messagePayload(m: StoredMessage, botId: string) {
  const reactions = [...m.reactions.entries()]
    .filter(([, users]) => users.size > 0)
    .map(([name, users]) => ({
      emoji: { id: null, name },
      count: users.size,
      count_details: { burst: 0, normal: users.size },
      me: users.has(botId),
      me_burst: false,
      burst_colors: [],
    }));
  return {
    id: m.id,
    channel_id: m.channelId,
    author: userPayload(m.author),
    content: m.content,
    timestamp: m.createdAt,
    edited_timestamp: m.editedAt,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: m.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      size: a.size,
      url: `https://cdn.fake.discord.test/attachments/${m.channelId}/${a.id}/${a.filename}`,
      proxy_url: `https://media.fake.discord.test/attachments/${m.channelId}/${a.id}/${a.filename}`,
      content_type: a.contentType,
      ...(a.description === undefined ? {} : { description: a.description }),
    })),
    embeds: [],
    components: m.components,
    pinned: false,
    type: m.type,
    flags: m.flags,
    ...(reactions.length > 0 ? { reactions } : {}),
    ...(m.webhookId === undefined ? {} : { webhook_id: m.webhookId, application_id: m.webhookId }),
    ...(m.referenceId === undefined
      ? {}
      : { message_reference: { type: 0, message_id: m.referenceId, channel_id: m.channelId, guild_id: m.guildId } }),
  };
}
