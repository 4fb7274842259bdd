import { MessageFlags, type RepliableInteraction } from 'discord.js';
import { AppError } from '../../errors.js';
import type { DiscordDeps } from './discord-deps.js';
import { describeRestError } from './discord-rest.js';

/** Bot answers never ping anyone. */
const allowedMentions = { parse: [] };

/**
 * Answers an interaction (a button click, a submitted form) with `work`'s text, privately, once
 * `work` is done, i.e. after the vote is stored. Discord drops an interaction not answered within
 * 3 s: when `work` takes longer than `deps.interactionDeferMs` (waiting for a database slot), the
 * interaction is deferred privately first ("thinking…", no confirmation) and the text replaces the
 * placeholder. A failure of `work` is logged and answered with a private error sentence.
 */
export async function answerPrivately(interaction: RepliableInteraction, deps: DiscordDeps, what: string, work: () => Promise<string>): Promise<void> {
  let deferral: Promise<unknown> | undefined;
  const timer = setTimeout(() => {
    deferral = interaction.deferReply({ flags: MessageFlags.Ephemeral });
    // Observed here so a failed deferral is never an unhandled rejection; editReply reports it.
    deferral.catch((err: unknown) => deps.logger.warn({ err, ...describeRestError(err) }, `discord: could not defer the ${what}`));
  }, deps.interactionDeferMs);
  let text: string;
  try {
    text = await work();
  } catch (err) {
    deps.logger.error({ err, userId: interaction.user.id }, `discord: ${what} failed in the core`);
    text = err instanceof AppError ? err.message : 'Sorry — something went wrong on my side. Please try again later.';
  } finally {
    clearTimeout(timer);
  }
  if (deferral === undefined) {
    await interaction.reply({ content: text, flags: MessageFlags.Ephemeral, allowedMentions });
    return;
  }
  await deferral.catch(() => undefined);
  await interaction.editReply({ content: text, allowedMentions });
}
