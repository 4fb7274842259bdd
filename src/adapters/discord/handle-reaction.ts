import type { MessageReaction, PartialMessageReaction, PartialUser, User } from 'discord.js';
import type { DiscordDeps } from './discord-deps.js';
import { orderedVote } from './ordered-vote.js';
import { describeRestError, replyInChannel } from './discord-rest.js';
import { isDiscordAdminReactor } from './is-admin.js';

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
  const { channelId, id: messageId } = reaction.message;
  // Read now, from the member this event carried; a removal carries none and a retraction needs none.
  const isAdmin = added && reactorIsAdmin(reaction, user.id, deps);
  const { result, edit } = await orderedVote(deps, channelId, messageId, () => deps.core.reaction({ platform: 'discord', channelId, messageId, userId: user.id, emoji, added, isAdmin }));
  if (result.kind === 'ignored') return;
  if (result.kind === 'ask-word') {
    try {
      await replyInChannel(deps.rest, result.update.channelId, result.update.messageId, askText(user.id, result.prompt), user.id);
    } catch (err) {
      const { predictionId, channelId: c, messageId: m } = result.update;
      deps.logger.warn({ err, ...describeRestError(err), predictionId, channelId: c, messageId: m }, 'discord: could not ask for the right word');
    }
  }
  await edit;
}

function reactorIsAdmin(reaction: MessageReaction | PartialMessageReaction, userId: string, deps: DiscordDeps): boolean {
  try {
    return isDiscordAdminReactor(reaction, userId, deps.adminRole);
  } catch (err) {
    // Not knowing means an ordinary vote, as for commands; the vote itself must not be lost.
    deps.logger.warn({ err, userId }, 'discord: could not read the reacting member\'s roles');
    return false;
  }
}

/** The core's prompt, addressed to the user, with the slash command to answer if it lacks it. */
function askText(userId: string, prompt: string): string {
  const hint = prompt.includes('/attribute-correct') ? '' : ' Answer with `/attribute-correct <word>`.';
  return `<@${userId}> ${prompt}${hint}`;
}
