import type { ButtonInteraction } from 'discord.js';
import { messageKey } from '../shared/message-order.js';
import { applyUpdate } from './apply-update.js';
import type { DiscordDeps } from './discord-deps.js';
import { interactionContext } from './interaction-context.js';
import { answerPrivately } from './private-answer.js';
import { parseButton, wordModal } from './vote-buttons.js';

/**
 * A click on a button under a prediction message. A vote button is a vote exactly like its
 * reaction: in order per message, within the vote bounds (waiting for a slot, as the gateway never
 * redelivers), stored before the clicker's private confirmation; the core toggles (a second click
 * takes the vote back). "Something else…" opens the word form (it must be the click's first answer).
 */
export async function handleVoteButton(interaction: ButtonInteraction, deps: DiscordDeps): Promise<void> {
  const button = parseButton(interaction.customId);
  if (button === null) {
    deps.logger.debug({ customId: interaction.customId }, 'discord: unknown button ignored');
    return;
  }
  const { channelId } = interaction;
  const messageId = interaction.message.id;
  if (button.kind === 'word') {
    await interaction.showModal(wordModal(messageId));
    return;
  }
  let edit: Promise<void> = Promise.resolve();
  await answerPrivately(interaction, deps, 'vote', async () => {
    // Read now, from the member this click carried, as for commands.
    const { isAdmin } = await interactionContext(interaction, deps);
    // A click is never delivered again: it waits in line for a vote slot instead of being refused.
    const inLine = true;
    const result = await deps.order.admitted(
      messageKey(channelId, messageId),
      deps.votes,
      async () => {
        // A click can come before the answer's id is stored: wait for the post (MessageOrder.post).
        await deps.order.posted(channelId);
        const r = await deps.core.vote({ platform: 'discord', channelId, messageId, userId: interaction.user.id, choice: button.choice, isAdmin });
        // Queued inside the order, so footer edits follow the votes' order.
        if (r.kind !== 'ignored') edit = applyUpdate(deps, r.update);
        return r;
      },
      inLine,
    );
    return result.text;
  });
  await edit;
}
