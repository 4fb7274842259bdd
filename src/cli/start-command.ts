import { InputError } from '../errors.js';
import type { RegisterCommand } from './context.js';

const ROLES = ['bot', 'trainer', 'all'] as const;
/** Which parts of the bot a process runs. */
export type Role = (typeof ROLES)[number];

/**
 * `attribot start [--role bot|trainer|all]`: every configured chat adapter (the console when none
 * is configured) plus, for trainer roles, the nightly schedule. The body lives in `run-start.ts`,
 * imported on use so other commands never load the chat and ML stacks.
 */
export const registerStartCommand: RegisterCommand = (program, ctx) => {
  program
    .command('start')
    .description('run the bot: Discord and/or Slack when configured, otherwise a console prompt')
    .option('--role <role>', 'bot (answers only), trainer (schedule only) or all', 'all')
    .action(async (opts: { role: string }) => {
      if (!ROLES.includes(opts.role as Role)) throw new InputError('input.invalid', `--role must be one of ${ROLES.join(', ')}`);
      const { runStart } = await import('./run-start.js');
      await runStart(ctx, opts.role as Role);
    });
};
