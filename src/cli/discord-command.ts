import { ConfigError, PlatformError } from '../errors.js';
import type { RegisterCommand } from './context.js';

const SNOWFLAKE = /^\d{15,22}$/;

function snowflake(what: string): (value: string) => string {
  return (value) => {
    if (!SNOWFLAKE.test(value)) throw new ConfigError('config.invalid', `${what} must be a Discord id (15–22 digits), got "${value}"`);
    return value;
  };
}

/**
 * `attribot discord register [--guild ID]`: registers the slash commands with Discord, for one
 * server (`--guild`: available at once, handy while testing) or globally (all servers; Discord may
 * take a while to show them). Registering replaces the application's previous command set in that
 * scope. `attribot discord invite` prints the URL that adds the bot to a server.
 */
export const registerDiscordCommand: RegisterCommand = (program, ctx) => {
  const discord = program.command('discord').description('Discord bot utilities');
  discord
    .command('invite')
    .description('print the OAuth2 URL that adds the bot to a server, with the least permissions it needs')
    .option('--app-id <id>', 'the application id (default: DISCORD_APP_ID)')
    .option('--guild <id>', 'preselect this server')
    .action(async (opts: { appId?: string; guild?: string }) => {
      const appId = opts.appId ?? ctx.env['DISCORD_APP_ID'] ?? ctx.config().discord?.appId;
      if (appId === undefined || appId === '') {
        throw new ConfigError('config.invalid', 'The application id is needed: set DISCORD_APP_ID or pass --app-id (Developer Portal → your app → General Information → Application ID)');
      }
      snowflake('the application id')(appId);
      if (opts.guild !== undefined) snowflake('--guild')(opts.guild);
      const { BOT_PERMISSIONS, botPermissions, inviteUrl } = await import('./discord-invite.js');
      ctx.out(inviteUrl(appId, opts.guild));
      ctx.out(`scopes: bot applications.commands; permissions ${botPermissions()}: ${BOT_PERMISSIONS.map((p) => `${p.name} (${p.why})`).join(', ')}`);
    });
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
      if (opts.guild !== undefined) snowflake('--guild')(opts.guild);
      const [{ REST, Routes }, { discordCommandDefinitions }, { describeRegisterFailure }] = await Promise.all([
        import('discord.js'),
        import('../adapters/discord/command-definitions.js'),
        import('./register-failure.js'),
      ]);
      const rest = new REST(config.apiUrl === undefined ? {} : { api: config.apiUrl.replace(/\/+$/, '') }).setToken(config.token);
      const route = opts.guild === undefined ? Routes.applicationCommands(config.appId) : Routes.applicationGuildCommands(config.appId, opts.guild);
      let registered: { name: string; type?: number }[];
      try {
        registered = (await rest.put(route, { body: discordCommandDefinitions })) as { name: string; type?: number }[];
      } catch (err) {
        throw new PlatformError('platform.failed', describeRegisterFailure(err), { cause: err });
      }
      const where = opts.guild === undefined ? 'globally' : `in server ${opts.guild}`;
      // Type 3: a message command, found under a message's Apps menu rather than typed.
      ctx.out(`registered ${registered.length} commands ${where}: ${registered.map((c) => (c.type === 3 ? `“${c.name}” (message menu → Apps)` : `/${c.name}`)).join(', ')}`);
    });
};
