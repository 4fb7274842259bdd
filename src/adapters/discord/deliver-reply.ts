import { MessageFlags, type ActionRowBuilder, type AttachmentPayload, type ButtonBuilder, type CommandInteraction, type Message } from 'discord.js';
import type { ChatFile, ChatReply } from '../../core/chat/chat-core.js';
import { applyUpdate } from './apply-update.js';
import type { DiscordDeps } from './discord-deps.js';
import { voteButtonRows } from './vote-buttons.js';
import { addVoteReactions } from './vote-reactions.js';

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
export async function showAnswer(
  interaction: CommandInteraction,
  content: string,
  ephemeral: boolean,
  attachments: readonly ChatFile[] = [],
  buttons: readonly ActionRowBuilder<ButtonBuilder>[] = [],
): Promise<Message> {
  // Files go up with the message itself (multipart), so they share its visibility. None: no
  // `files` key at all, which would also send an (empty) attachment list; likewise components.
  const extra = { ...(attachments.length > 0 ? { files: attachments.map(toAttachment) } : {}), ...(buttons.length > 0 ? { components: [...buttons] } : {}) };
  if ((interaction.ephemeral ?? false) === ephemeral) return interaction.editReply({ content, allowedMentions, ...extra });
  await interaction.deleteReply();
  return interaction.followUp({ content, allowedMentions, ...extra, ...(ephemeral ? { flags: MessageFlags.Ephemeral } : {}) });
}

function toAttachment(f: ChatFile): AttachmentPayload {
  return { attachment: Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength), name: f.name, ...(f.alt === undefined ? {} : { description: f.alt }) };
}

/**
 * Turns a core reply into Discord messages. For a prediction: the public message with its vote
 * buttons (if any), then `attachMessage` (before any reaction exists, so the first user's reaction
 * maps back to it; a click that comes sooner waits for it: `MessageOrder.post`), then the vote
 * reactions (if any) in order.
 */
export async function deliverReply(interaction: CommandInteraction, reply: ChatReply, deps: DiscordDeps): Promise<void> {
  switch (reply.kind) {
    case 'error':
      await showAnswer(interaction, reply.text, true);
      return;
    case 'text':
      await showAnswer(interaction, reply.text, reply.ephemeral, reply.files);
      if (reply.update) await applyUpdate(deps, reply.update);
      return;
    case 'prediction': {
      // Votes in this channel wait until the answer is shown and its id stored (MessageOrder.post).
      const posted = await deps.order.post(
        interaction.channelId,
        (async () => {
          const message = await showAnswer(interaction, reply.text, false, [], voteButtonRows(reply.choices));
          try {
            await deps.core.attachMessage(reply.predictionId, message.id);
            return message;
          } catch (err) {
            // Never leave a posted prediction whose votes could not be matched: take it back, say so.
            deps.logger.error({ err, predictionId: reply.predictionId, messageId: message.id }, 'discord: could not store the prediction message id');
            await interaction.deleteReply();
            await interaction.followUp({ content: "I'm busy right now and could not record that answer; please try again in a moment.", flags: MessageFlags.Ephemeral });
            return undefined;
          }
        })(),
      );
      if (posted) await addVoteReactions(deps, posted.channelId, posted.id, reply.reactions, reply.predictionId);
      return;
    }
  }
}
