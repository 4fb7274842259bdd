import type { MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import { applyUpdate } from './apply-update.js';
import type { DiscordDeps } from './discord-deps.js';
import { describeRestError, replyInChannel } from './discord-rest.js';

/**
 * A reaction added to or removed from any message the bot can see. The core decides whether it is a
 * vote on a prediction; the adapter applies the result: the tally footer on the prediction message
 * and, for ❌, a reply asking that user for the right word.
 *
 * Partial reactions, messages and users (not cached, e.g. after a restart) are not fetched: the ids
 * and the emoji name, which the gateway event always carries, are all the core needs, and a fetch
 * per reaction would cost a REST call each during a burst.
 */
export async function handleReaction(
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
  added: boolean,
  deps: DiscordDeps,
): Promise<void> {
  // The bot's own 1️⃣–5️⃣ ✅ ❌ come back as events too; they are not votes.
  if (user.id === deps.botUserId()) return;
  const emoji = reaction.emoji.name;
  // Custom server emoji have no unicode name: never a vote.
  if (emoji === null || reaction.emoji.id !== null) return;
  const result = await deps.core.reaction({
    platform: 'discord',
    channelId: reaction.message.channelId,
    messageId: reaction.message.id,
    userId: user.id,
    emoji,
    added,
  });
  if (result.kind === 'ignored') return;
  const edit = applyUpdate(deps, result.update);
  if (result.kind === 'ask-word') {
    const { channelId, messageId } = result.update;
    try {
      await replyInChannel(deps.rest, channelId, messageId, askText(user.id, result.prompt), user.id);
    } catch (err) {
      deps.logger.warn({ err, ...describeRestError(err), channelId, messageId }, 'discord: could not ask for the right word');
    }
  }
  await edit;
}

/** The core's prompt, addressed to the user, with the slash command to answer if it lacks it. */
function askText(userId: string, prompt: string): string {
  const hint = prompt.includes('/attribute-correct') ? '' : ' Answer with `/attribute-correct <word>`.';
  return `<@${userId}> ${prompt}${hint}`;
}
