import type { DiscordDeps } from './discord-deps.js';
import { addOwnReaction, describeRestError } from './discord-rest.js';

/**
 * Adds the vote reactions to a prediction message, in order (Discord shows them in the order they
 * were added). Stops at the first failure, which is logged, never thrown.
 */
export async function addVoteReactions(deps: DiscordDeps, channelId: string, messageId: string, emoji: readonly string[], predictionId: number): Promise<void> {
  for (const e of emoji) {
    try {
      await addOwnReaction(deps.rest, channelId, messageId, e);
    } catch (err) {
      // Usually a missing Add Reactions permission: the rest would fail alike. Users can still
      // add the emoji themselves, so the prediction stands.
      deps.logger.warn({ err, ...describeRestError(err), predictionId, emoji: e }, 'discord: could not add the vote reactions');
      return;
    }
  }
}
