import { MessageFlags, type ChatInputCommandInteraction, type Message } from 'discord.js';
import type { ChatReply } from '../../core/chat/chat-core.js';
import { applyUpdate } from './apply-update.js';
import type { DiscordDeps } from './discord-deps.js';
import { addOwnReaction, describeRestError } from './discord-rest.js';

/** Bot answers never ping anyone: phrases and labels are user text ("@everyone" stays text). */
const allowedMentions = { parse: [] };

/**
 * Shows `content` as the answer to a deferred command, publicly or only to its user.
 *
 * Discord fixes a response's visibility when it is deferred, before the core has answered. When the
 * answer's visibility matches the deferral, the placeholder is edited into the answer; otherwise the
 * placeholder is deleted and the answer sent as a follow-up of the right kind (a private error to a
 * public deferral; a public result, e.g. of a retrain, to a private one). So errors never show
 * publicly, at the cost of a placeholder that is visible for as long as the core takes.
 */
export async function showAnswer(interaction: ChatInputCommandInteraction, content: string, ephemeral: boolean): Promise<Message> {
  if ((interaction.ephemeral ?? false) === ephemeral) return interaction.editReply({ content, allowedMentions });
  await interaction.deleteReply();
  return interaction.followUp({ content, allowedMentions, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
}

/**
 * Turns a core reply into Discord messages. For a prediction: the public message, then
 * `attachMessage` (before any reaction exists, so the first user's click maps back to it), then the
 * vote reactions in order.
 */
export async function deliverReply(interaction: ChatInputCommandInteraction, reply: ChatReply, deps: DiscordDeps): Promise<void> {
  switch (reply.kind) {
    case 'error':
      await showAnswer(interaction, reply.text, true);
      return;
    case 'text':
      await showAnswer(interaction, reply.text, reply.ephemeral);
      if (reply.update) await applyUpdate(deps, reply.update);
      return;
    case 'prediction': {
      const message = await showAnswer(interaction, reply.text, false);
      await deps.core.attachMessage(reply.predictionId, message.id);
      await addReactions(deps, message, reply.reactions, reply.predictionId);
      return;
    }
  }
}

async function addReactions(deps: DiscordDeps, message: Message, emoji: readonly string[], predictionId: number): Promise<void> {
  for (const e of emoji) {
    try {
      await addOwnReaction(deps.rest, message.channelId, message.id, e);
    } catch (err) {
      // Usually a missing Add Reactions permission: the rest would fail alike. Users can still
      // add the emoji themselves, so the prediction stands.
      deps.logger.warn({ err, ...describeRestError(err), predictionId, emoji: e }, 'discord: could not add the vote reactions');
      return;
    }
  }
}
