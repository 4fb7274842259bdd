import type { ButtonInteraction } from 'discord.js';
import type { DiscordDeps } from './discord-deps.js';
import { orderedVote } from './ordered-vote.js';
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
    const voted = await orderedVote(deps, channelId, messageId, () => deps.core.vote({ platform: 'discord', channelId, messageId, userId: interaction.user.id, choice: button.choice, isAdmin }));
    edit = voted.edit;
    return voted.result.text;
  });
  await edit;
}
