/**
 * Complete Discord API v10 payloads for the fake. discord.js throws inside its dispatch handler on a
 * malformed payload (which kills the test process), so every object carries all the fields its
 * real counterpart has, even those the adapter never reads.
 */

let counter = 0n;
const DISCORD_EPOCH = 1_420_070_400_000n;

/** A fresh, increasing snowflake (so pagination by `after` and message order behave as on Discord). */
export function snowflake(): string {
  counter = (counter + 1n) % 4096n;
  return ((BigInt(Date.now()) - DISCORD_EPOCH) << 22n | counter).toString();
}

export interface FakeUser {
  id: string;
  username: string;
  bot?: boolean;
}

export function userPayload(u: FakeUser) {
  return {
    id: u.id,
    username: u.username,
    discriminator: '0',
    global_name: u.username,
    avatar: null,
    bot: u.bot ?? false,
    system: false,
    public_flags: 0,
    flags: 0,
  };
}

export function memberPayload(u: FakeUser, roles: readonly string[], permissions?: string) {
  return {
    user: userPayload(u),
    nick: null,
    avatar: null,
    banner: null,
    roles: [...roles],
    joined_at: '2024-01-01T00:00:00.000Z',
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    ...(permissions === undefined ? {} : { permissions }),
  };
}

export interface FakeRole {
  id: string;
  name: string;
  permissions?: string;
}

export function rolePayload(r: FakeRole, position: number) {
  return {
    id: r.id,
    name: r.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: r.permissions ?? '0',
    managed: false,
    mentionable: false,
    flags: 0,
  };
}

export function channelPayload(id: string, guildId: string) {
  return {
    id,
    type: 0,
    guild_id: guildId,
    name: `channel-${id}`,
    position: 0,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    topic: null,
    rate_limit_per_user: 0,
    last_message_id: null,
    flags: 0,
  };
}

export interface FakeGuild {
  id: string;
  channels: readonly string[];
  roles?: readonly FakeRole[];
}

export function guildPayload(g: FakeGuild, bot: FakeUser) {
  const everyone: FakeRole = { id: g.id, name: '@everyone', permissions: '0' };
  return {
    id: g.id,
    name: `guild-${g.id}`,
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: '1',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [everyone, ...(g.roles ?? [])].map((r, i) => rolePayload(r, i)),
    emojis: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    stickers: [],
    premium_progress_bar_enabled: false,
    joined_at: '2024-01-01T00:00:00.000Z',
    large: false,
    unavailable: false,
    member_count: 1,
    voice_states: [],
    members: [memberPayload(bot, [])],
    channels: g.channels.map((c) => channelPayload(c, g.id)),
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
