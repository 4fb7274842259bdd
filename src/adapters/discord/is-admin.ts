import { GuildMember, PermissionFlagsBits, Routes, type APIRole, type ChatInputCommandInteraction, type REST } from 'discord.js';

const SNOWFLAKE = /^\d{17,20}$/;

/**
 * Whether the member who ran a command may use admin commands: Manage Server (Administrator
 * implies it) or the configured role, given as an id or a name (names are matched case-sensitively,
 * as Discord displays them).
 */
export async function isDiscordAdmin(
  interaction: ChatInputCommandInteraction,
  adminRole: string | undefined,
  rest: REST,
): Promise<boolean> {
  if (interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true) return true;
  const member = interaction.member;
  if (adminRole === undefined || adminRole === '' || member === null || interaction.guildId === null) return false;
  if (member instanceof GuildMember) {
    // The guild is cached (GUILD_CREATE): its roles, names included, are too.
    return member.roles.cache.some((r) => r.id === adminRole || r.name === adminRole);
  }
  // An uncached guild gives the raw member: role ids only.
  if (member.roles.includes(adminRole)) return true;
  if (SNOWFLAKE.test(adminRole)) return false;
  const roles = (await rest.get(Routes.guildRoles(interaction.guildId))) as APIRole[];
  return roles.some((r) => r.name === adminRole && member.roles.includes(r.id));
}
