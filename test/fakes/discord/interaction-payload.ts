import { channelPayload, memberPayload, snowflake, type FakeUser } from './payloads.js';

/** Where and by whom an interaction is used. */
export interface InteractionWhere {
  user: FakeUser;
  guildId: string;
  channelId: string;
  /** The member's role ids. */
  roles?: readonly string[];
  /** The member's permission bitfield in the channel, as Discord sends it (a decimal string). */
  permissions?: string;
}

/** What a test says about a slash command; the fake fills in the rest of the payload. */
export interface InteractionInput extends InteractionWhere {
  command: string;
  /** String options by name (every option of the bot's commands is a string). */
  options?: Record<string, string>;
}

/**
 * The fields every INTERACTION_CREATE `d` in a guild text channel carries, for an interaction of
 * `type` (2 command, 3 message component, 4 autocomplete, 5 form submit); `data` is added by the caller.
 */
export function interactionBase(where: InteractionWhere, appId: string, type: number) {
  const id = snowflake();
  const token = `tok-${id}`;
  const payload = {
    id,
    application_id: appId,
    type,
    token,
    version: 1,
    guild_id: where.guildId,
    guild: { id: where.guildId, locale: 'en-US', features: [] },
    channel_id: where.channelId,
    channel: channelPayload(where.channelId, where.guildId),
    member: memberPayload(where.user, where.roles ?? [], where.permissions ?? '0'),
    app_permissions: '2248473465835073',
    locale: 'en-US',
    guild_locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: { '0': where.guildId },
    context: 0,
    attachment_size_limit: 10_485_760,
  };
  return { id, token, payload };
}

/** An INTERACTION_CREATE `d` for a chat-input command (type 2) invoked in a guild text channel. */
export function interactionPayload(input: InteractionInput, appId: string) {
  const { id, token, payload } = interactionBase(input, appId, 2);
  const data = {
    id: snowflake(),
    name: input.command,
    type: 1,
    guild_id: input.guildId,
    options: Object.entries(input.options ?? {}).map(([name, value]) => ({ name, type: 3, value })),
  };
  return { id, token, payload: { ...payload, data } };
}
