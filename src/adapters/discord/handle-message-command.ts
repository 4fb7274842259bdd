import { MessageFlags, type MessageContextMenuCommandInteraction } from 'discord.js';
import { phraseFromMessage } from '../../core/commands/message-phrase.js';
import { askCore } from './ask-core.js';
import type { DiscordDeps } from './discord-deps.js';
import { deliverReply } from './deliver-reply.js';
import { interactionContext } from './interaction-context.js';

/**
 * "Name the attribute" on a message (Apps menu): the same answer as `/attribute` for the message's
 * text, posted publicly. A message that cannot be a phrase (e.g. over the phrase limit) gets the
 * core's private hint at once, before any public placeholder.
 */
export async function handleMessageCommand(interaction: MessageContextMenuCommandInteraction, deps: DiscordDeps): Promise<void> {
  const text = interaction.targetMessage.content;
  const phrase = phraseFromMessage(text);
  if (!phrase.ok) {
    await interaction.reply({ content: phrase.hint, flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
    return;
  }
  await interaction.deferReply();
  const reply = await askCore(deps, { command: interaction.commandName, userId: interaction.user.id }, async () =>
    deps.core.attribute(await interactionContext(interaction, deps), text, 'message'),
  );
  await deliverReply(interaction, reply, deps);
}
