import type { ModalSubmitInteraction } from 'discord.js';
import { messageKey } from '../shared/message-order.js';
import { applyUpdate } from './apply-update.js';
import { askCore } from './ask-core.js';
import type { DiscordDeps } from './discord-deps.js';
import { interactionContext } from './interaction-context.js';
import { answerPrivately } from './private-answer.js';
import { parseWordModal, WORD_FIELD } from './vote-buttons.js';

/**
 * The word typed into the "something else…" form: the same correction as `/attribute-correct`,
 * for the prediction whose button opened the form; the answer (thanks, or why the word was refused)
 * is private, and the prediction message's footer shows the new tally.
 */
export async function handleWordModal(interaction: ModalSubmitInteraction, deps: DiscordDeps): Promise<void> {
  const messageId = parseWordModal(interaction.customId);
  const { channelId } = interaction;
  if (messageId === null || channelId === null) {
    deps.logger.debug({ customId: interaction.customId }, 'discord: unknown form ignored');
    return;
  }
  const word = interaction.fields.getTextInputValue(WORD_FIELD);
  let edit: Promise<void> = Promise.resolve();
  await answerPrivately(interaction, deps, 'word form', async () => {
    const ctx = await interactionContext(interaction, deps);
    // In order with the clicks on the same message, so its footer edits follow the votes.
    const reply = await deps.order.vote(messageKey(channelId, messageId), async () => {
      await deps.order.posted(channelId);
      const r = await askCore(deps, { command: 'word form', userId: ctx.userId }, () => deps.core.correct(ctx, word, { messageId }));
      if (r.kind === 'text' && r.update) edit = applyUpdate(deps, r.update);
      return r;
    });
    return reply.text;
  });
  await edit;
}
