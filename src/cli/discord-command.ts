import { REST, Routes } from 'discord.js';
import { discordCommandDefinitions } from '../adapters/discord/command-definitions.js';
import { describeRestError } from '../adapters/discord/discord-rest.js';
import { ConfigError, PlatformError } from '../errors.js';
import type { RegisterCommand } from './context.js';

/**
 * `attribot discord register [--guild ID]`: registers the slash commands `/attribute`,
 * `/attribute-correct` and `/attribute-admin` with Discord, for one server (`--guild`: available at
 * once, handy while testing) or globally (all servers; Discord may take a while to show them).
 * Registering replaces the application's previous command set in that scope.
 */
export const registerDiscordCommand: RegisterCommand = (program, ctx) => {
  const discord = program.command('discord').description('Discord bot utilities');
  discord
    .command('register')
    .description('register the slash commands with Discord (globally, or in one server with --guild)')
    .option('--guild <id>', 'register in this server only (shows up immediately)')
    .action(async (opts: { guild?: string }) => {
      const config = ctx.config().discord;
      if (config === undefined) throw new ConfigError('config.invalid', 'DISCORD_TOKEN is not set: it is needed to register the slash commands');
      if (config.appId === undefined || config.appId === '') {
        throw new ConfigError('config.invalid', 'DISCORD_APP_ID is not set: it is needed to register the slash commands (Developer Portal → General Information → Application ID)');
      }
      const rest = new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl.replace(/\/+$/, '') }).setToken(config.token);
      const route = opts.guild === undefined ? Routes.applicationCommands(config.appId) : Routes.applicationGuildCommands(config.appId, opts.guild);
      let registered: { name: string }[];
      try {
        registered = (await rest.put(route, { body: discordCommandDefinitions })) as { name: string }[];
      } catch (err) {
        const { status } = describeRestError(err);
        const why = status === 401 ? 'Discord rejected DISCORD_TOKEN' : `Discord refused the commands: ${err instanceof Error ? err.message : String(err)}`;
        throw new PlatformError('platform.failed', why, { cause: err });
      }
      const where = opts.guild === undefined ? 'globally' : `in server ${opts.guild}`;
      ctx.out(`registered ${registered.length} commands ${where}: ${registered.map((c) => `/${c.name}`).join(', ')}`);
    });
};
