import { channelPayload, memberPayload, snowflake, type FakeUser } from './payloads.js';

/** What a test says about a slash command; the fake fills in the rest of the payload. */
export interface InteractionInput {
  command: string;
  /** String options by name (every option of the bot's commands is a string). */
  options?: Record<string, string>;
  user: FakeUser;
  guildId: string;
  channelId: string;
  /** The member's role ids. */
  roles?: readonly string[];
  /** The member's permission bitfield in the channel, as Discord sends it (a decimal string). */
  permissions?: string;
}

/** An INTERACTION_CREATE `d` for a chat-input command (type 2) invoked in a guild text channel. */
export function interactionPayload(input: InteractionInput, appId: string) {
  const id = snowflake();
  const token = `tok-${id}`;
  const payload = {
    id,
    application_id: appId,
    type: 2,
    token,
    version: 1,
    guild_id: input.guildId,
    guild: { id: input.guildId, locale: 'en-US', features: [] },
    channel_id: input.channelId,
    channel: channelPayload(input.channelId, input.guildId),
    member: memberPayload(input.user, input.roles ?? [], input.permissions ?? '0'),
    app_permissions: '2248473465835073',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': input.guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
    data: {
      id: snowflake(),
      name: input.command,
      type: 1,
      guild_id: input.guildId,
      options: Object.entries(input.options ?? {}).map(([name, value]) => ({ name, type: 3, value })),
    },
  };
  return { id, token, payload };
}
