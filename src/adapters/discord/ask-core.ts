import type { ChatReply } from '../../core/chat/chat-core.js';
import { AppError } from '../../errors.js';
import { BusyError } from '../shared/admission.js';
import type { DiscordDeps } from './discord-deps.js';

/**
 * Runs a command's core call within the command bounds; a refusal (busy) or a failure of the core
 * becomes a private error reply (logged with `where`), never a thrown error.
 */
export async function askCore(deps: DiscordDeps, where: { command: string; userId: string }, ask: () => Promise<ChatReply>): Promise<ChatReply> {
  try {
    // Bounded: past the limit the user hears "busy" (a private error) and nothing is done.
    return await deps.commands.run(ask);
  } catch (err) {
    if (err instanceof BusyError) deps.logger.warn(where, 'discord: busy; command refused');
    else deps.logger.error({ err, ...where }, 'discord: command failed in the core');
    const text = err instanceof AppError ? err.message : 'Sorry — something went wrong on my side. Please try again later.';
    return { kind: 'error', text, ephemeral: true };
  }
}
