import type { ReactionEvent, ReactionResult } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { predictionUpdate, storeVote } from './store-vote.js';
import { isVoteEmoji, voteFromEmoji } from './vote-from-emoji.js';

/**
 * A reaction on a prediction message: stores (or retracts) the vote first, then tells the adapter
 * how to update the message. Duplicates are idempotent.
 */
export async function reaction(deps: ChatDeps, ev: ReactionEvent): Promise<ReactionResult> {
  if (!isVoteEmoji(ev.emoji)) return { kind: 'ignored' };
  const prediction = await deps.storage.predictions.findByMessage(ev.platform, ev.channelId, ev.messageId);
  if (!prediction?.messageId) return { kind: 'ignored' };
  const vote = voteFromEmoji(ev.emoji, prediction.id, ev.userId, prediction.candidates);
  if (!vote) return { kind: 'ignored' };
  if (!(await storeVote(deps, prediction, vote, ev.added, { platform: ev.platform, userId: ev.userId, isAdmin: ev.isAdmin }))) return { kind: 'ignored' };
  const update = await predictionUpdate(deps, { ...prediction, messageId: prediction.messageId });
  if (ev.added && vote.kind === 'reject') {
    return { kind: 'ask-word', update, prompt: `Thanks! What is the right attribute for “${prediction.phraseRaw}”? Answer with /attribute-correct <word>.` };
  }
  return { kind: 'recorded', update };
}
