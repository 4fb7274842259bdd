import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { ChatContext, ChatReply } from '../../core/chat/chat-core.js';
import { validatePhrase } from '../../core/commands/validate.js';
import { InputError } from '../../errors.js';
import { askCore } from './ask-core.js';
import { DiscordCommandName } from './command-definitions.js';
import type { DiscordDeps } from './discord-deps.js';
import { deliverReply } from './deliver-reply.js';
import { interactionContext } from './interaction-context.js';
import { progressReporter } from './progress-reporter.js';

const known = new Set<string>([DiscordCommandName.attribute, DiscordCommandName.correct, DiscordCommandName.admin]);

/**
 * Visibility of the deferral, by what the core usually answers: `/attribute` a public prediction;
 * `/attribute-correct` a private "thanks" (the public message gets the tally); `/attribute-admin`
 * mostly private (refusals, status, progress). Other answers are re-sent with the right visibility.
 */
function defersPrivately(command: string): boolean {
  return command !== DiscordCommandName.attribute;
}

/**
 * A slash command: defer at once (Discord drops interactions not answered within 3 s; the model and
 * the database can take longer), ask the core, deliver its reply. A failure of the core becomes a
 * private error message; a failure to answer at all is logged by the caller.
 */
export async function handleCommand(interaction: ChatInputCommandInteraction, deps: DiscordDeps): Promise<void> {
  const command = interaction.commandName;
  if (!known.has(command)) {
    deps.logger.debug({ command }, 'discord: unknown command ignored');
    return;
  }
  // Bad input is answered privately at once: a public "thinking…" placeholder must never show it.
  const invalid = invalidInput(interaction);
  if (invalid !== undefined) {
    await interaction.reply({ content: invalid, flags: MessageFlags.Ephemeral });
    return;
  }
  await interaction.deferReply(defersPrivately(command) ? { flags: MessageFlags.Ephemeral } : {});
  const progress = progressReporter(interaction, deps);
  const reply = await askCore(deps, { command, userId: interaction.user.id }, async () => ask(interaction, await interactionContext(interaction, deps), deps, progress.report));
  // A late progress edit must not overwrite the final answer.
  await progress.done();
  await deliverReply(interaction, reply, deps);
}

/** The user-facing reason `/attribute`'s phrase is refused, or undefined when it is fine (or another command). */
function invalidInput(i: ChatInputCommandInteraction): string | undefined {
  if (i.commandName !== DiscordCommandName.attribute) return undefined;
  const text = i.options.getString('phrase', true);
  if (text.trim().toLowerCase() === 'quiz') return undefined;
  try {
    validatePhrase(text);
    return undefined;
  } catch (err) {
    if (err instanceof InputError) return err.message;
    throw err;
  }
}

function ask(i: ChatInputCommandInteraction, ctx: ChatContext, deps: DiscordDeps, progress: (text: string) => Promise<void>): Promise<ChatReply> {
  switch (i.commandName) {
    case DiscordCommandName.attribute:
      return deps.core.attribute(ctx, i.options.getString('phrase', true));
    case DiscordCommandName.correct:
      // Slash commands cannot reply to a message: the core takes the user's latest prediction.
      return deps.core.correct(ctx, i.options.getString('word', true));
    default:
      return deps.core.admin(ctx, i.options.getString('action', true), progress);
  }
}
