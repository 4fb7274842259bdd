import type { Interaction } from 'discord.js';
import type { DiscordDeps } from './discord-deps.js';
import { handleAutocomplete } from './handle-autocomplete.js';
import { handleCommand } from './handle-command.js';
import { handleMessageCommand } from './handle-message-command.js';
import { handleVoteButton } from './handle-vote-button.js';
import { handleWordModal } from './handle-word-modal.js';

/** The work an interaction asks for: a name for the log, and the handler. */
export interface InteractionWork {
  what: string;
  run: () => Promise<void>;
  context: Record<string, unknown>;
}

/** Routes an interaction to its handler: slash commands, the message command, vote buttons, the word form, autocomplete. */
export function routeInteraction(interaction: Interaction, deps: DiscordDeps): InteractionWork | null {
  const context = { userId: interaction.user.id };
  if (interaction.isChatInputCommand()) return { what: 'command', run: () => handleCommand(interaction, deps), context: { ...context, command: interaction.commandName } };
  if (interaction.isMessageContextMenuCommand()) return { what: 'message command', run: () => handleMessageCommand(interaction, deps), context: { ...context, messageId: interaction.targetId } };
  if (interaction.isButton()) return { what: 'button', run: () => handleVoteButton(interaction, deps), context: { ...context, messageId: interaction.message.id } };
  if (interaction.isModalSubmit()) return { what: 'form', run: () => handleWordModal(interaction, deps), context: { ...context, customId: interaction.customId } };
  if (interaction.isAutocomplete()) return { what: 'autocomplete', run: () => handleAutocomplete(interaction, deps), context: { ...context, command: interaction.commandName } };
  return null;
}
