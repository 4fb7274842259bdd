import { Command, CommanderError } from 'commander';
import { AppError, ExitCode } from '../errors.js';
import { registerConfigCommand } from './config-command.js';
import { createCliContext, type RegisterCommand } from './context.js';
import { registerDashboardCommand } from './dashboard-command.js';
import { registerDataCommands } from './data-commands.js';
import { registerDbCommand } from './db-command.js';
import { registerDiscordCommand } from './discord-command.js';
import { registerEvalCommand } from './eval-command.js';
import { registerModelsCommand } from './models-command.js';
import { registerPredictCommand } from './predict-command.js';
import { registerStartCommand } from './start-command.js';
import { registerStatusCommand } from './status-command.js';
import { registerTrainCommand } from './train-command.js';

const commands: RegisterCommand[] = [
  registerStartCommand,
  registerPredictCommand,
  registerTrainCommand,
  registerEvalCommand,
  registerDataCommands,
  registerModelsCommand,
  registerStatusCommand,
  registerDiscordCommand,
  registerDbCommand,
  registerConfigCommand,
  registerDashboardCommand,
];

export interface RunOptions {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code instead of exiting,
 * so tests can drive it. Known failures print one line; unknown ones print the cause too.
 */
export async function runCli(argv: readonly string[], opts: RunOptions): Promise<number> {
  const out = opts.out ?? ((l: string) => process.stdout.write(`${l}\n`));
  const err = opts.err ?? ((l: string) => process.stderr.write(`${l}\n`));
  const ctx = createCliContext(opts.env, opts.cwd, out);
  const program = new Command('attribot')
    .description('attribot: names the attribute a phrase describes, and learns from corrections')
    .exitOverride()
    .configureOutput({ writeOut: (s) => out(s.trimEnd()), writeErr: (s) => err(s.trimEnd()) })
    .showHelpAfterError('(attribot <command> --help shows its usage)');
  for (const register of commands) register(program, ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    if (e instanceof AppError) {
      err(`attribot: ${e.message}`);
      if (e.code === 'internal' && e.cause instanceof Error) err(e.cause.stack ?? e.cause.message);
      return e.exitCode;
    }
    err(`attribot: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return ExitCode.failure;
  }
}
