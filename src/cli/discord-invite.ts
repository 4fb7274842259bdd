import { OAuth2Scopes, PermissionFlagsBits } from 'discord.js';

/**
 * The channel permissions the bot uses, each with what it is for; nothing else is asked for.
 * Slash-command answers go through the interaction webhook and need no channel permission.
 */
export const BOT_PERMISSIONS = [
  { name: 'ViewChannel', why: 'see the learning-prompt channel and the messages it reacts to' },
  { name: 'SendMessages', why: 'post learning prompts in LEARNING_CHANNEL_DISCORD' },
  { name: 'AddReactions', why: 'add the vote reactions 1️⃣–5️⃣ ✅ ❌ under its answers' },
  { name: 'ReadMessageHistory', why: 'react to its own messages and re-read their reactions after a restart' },
] as const satisfies readonly { name: keyof typeof PermissionFlagsBits; why: string }[];

/** The permission integer of {@link BOT_PERMISSIONS}, as Discord's OAuth2 URL wants it. */
export function botPermissions(): bigint {
  return BOT_PERMISSIONS.reduce((bits, p) => bits | PermissionFlagsBits[p.name], 0n);
}

/** The scopes: the bot user, and its slash and context-menu commands. */
export const INVITE_SCOPES = [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands] as const;

/**
 * The URL that adds the bot to a server with exactly {@link BOT_PERMISSIONS}; `guildId` preselects
 * one server.
 */
export function inviteUrl(appId: string, guildId?: string): string {
  const url = new URL('https://discord.com/oauth2/authorize');
  url.searchParams.set('client_id', appId);
  url.searchParams.set('scope', INVITE_SCOPES.join(' '));
  url.searchParams.set('permissions', botPermissions().toString());
  if (guildId !== undefined) {
    url.searchParams.set('guild_id', guildId);
    url.searchParams.set('disable_guild_select', 'true');
  }
  return url.toString();
}
