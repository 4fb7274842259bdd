import {
  GuildMember,
  PermissionFlagsBits,
  Routes,
  type APIRole,
  type BaseInteraction,
  type MessageReaction,
  type PartialMessageReaction,
  type REST,
} from 'discord.js';

const SNOWFLAKE = /^\d{17,20}$/;

/**
 * Whether the member who ran a command (or clicked a button, submitted a form) may use admin commands: Manage Server (Administrator
 * implies it) or the configured role, given as an id or a name (names are matched case-sensitively,
 * as Discord displays them).
 */
export async function isDiscordAdmin(
  interaction: BaseInteraction,
  adminRole: string | undefined,
  rest: REST,
): Promise<boolean> {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true) return true;
  const member = interaction.member;
  if (adminRole === undefined || adminRole === '' || member === null || interaction.guildId === null) return false;
  if (member instanceof GuildMember) return hasAdminRole(member, adminRole);
  // An uncached guild gives the raw member: role ids only.
  if (member.roles.includes(adminRole)) return true;
  if (SNOWFLAKE.test(adminRole)) return false;
  const roles = (await rest.get(Routes.guildRoles(interaction.guildId))) as APIRole[];
  return roles.some((r) => r.name === adminRole && member.roles.includes(r.id));
}

/**
 * Whether the member who added a reaction is an admin, by the same rule as for commands: Manage
 * Server (Administrator implies it; the guild owner has it) or the configured role. A guild
 * reaction event carries the member, which discord.js caches in the guild (cached since
 * GUILD_CREATE) before emitting it, so this reads their current roles without a REST call. In a DM,
 * or without the member, the reactor counts as no admin.
 */
export function isDiscordAdminReactor(reaction: MessageReaction | PartialMessageReaction, userId: string, adminRole: string | undefined): boolean {
  const guildId = reaction.message.guildId;
  const member = guildId === null ? undefined : reaction.client.guilds.cache.get(guildId)?.members.cache.get(userId);
  if (member === undefined) return false;
  return member.permissions.has(PermissionFlagsBits.ManageGuild) || (adminRole !== undefined && adminRole !== '' && hasAdminRole(member, adminRole));
}

/** The guild is cached (GUILD_CREATE): its roles, names included, are too. */
function hasAdminRole(member: GuildMember, adminRole: string): boolean {
  return member.roles.cache.some((r) => r.id === adminRole || r.name === adminRole);
}
