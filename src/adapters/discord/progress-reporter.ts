import type { ChatInputCommandInteraction } from 'discord.js';
import type { DiscordDeps } from './discord-deps.js';
import { describeRestError } from './discord-rest.js';
import { LatestWins } from '../shared/latest-wins.js';

/** Interim lines of a long command (training epochs), shown by editing its deferred reply. */
export interface ProgressReporter {
  /** Shows `text`; lines closer than `deps.progressIntervalMs` to the previous one are skipped. */
  report: (text: string) => Promise<void>;
  /** Resolves when no progress edit is running any more. */
  done: () => Promise<void>;
}

/**
 * Progress for one interaction. Edits are throttled (Discord rate-limits webhook edits; an epoch
 * line every few seconds is plenty) and never fail the command: a failed edit is only logged.
 */
export function progressReporter(interaction: ChatInputCommandInteraction, deps: DiscordDeps): ProgressReporter {
  const writes = new LatestWins((err) => deps.logger.warn({ err, ...describeRestError(err) }, 'discord: could not show progress'));
  let last = Number.NEGATIVE_INFINITY;
  return {
    report: async (text) => {
      const now = Date.now();
      if (now - last < deps.progressIntervalMs) return;
      last = now;
      await writes.schedule(interaction.id, async () => {
        await interaction.editReply({ content: text, allowedMentions: { parse: [] } });
      });
    },
    done: () => writes.idle(),
  };
}
