import type { ReactionEvent, ReactionResult } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { renderPredictionMessage } from '../render/prediction-message.js';
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
  // The voter's admin status at vote time weighs the vote in training; a retraction needs no status.
  const changed = ev.added ? (await deps.storage.feedback.record({ ...vote, voterIsAdmin: ev.isAdmin === true })).created : await deps.storage.feedback.retract(vote);
  if (!changed) return { kind: 'ignored' };
  // Durable now: other processes may learn from it at once (instant learning). Not awaited: the
  // vote (and the platform's acknowledgement) must not wait for the broadcast, and a lost one only
  // delays that learning until the next retrain.
  void deps.storage.events.publishTaught(prediction.phrase).catch(() => undefined);
  await deps.storage.audit.append({
    actor: `${ev.platform}:${ev.userId}`,
    action: ev.added ? 'vote.add' : 'vote.retract',
    subject: `prediction:${prediction.id}`,
    after: { kind: vote.kind, label: vote.label, ...(ev.added && ev.isAdmin === true ? { admin: true } : {}) },
  });
  const votes = await deps.storage.feedback.listForPrediction(prediction.id);
  const update = { predictionId: prediction.id, channelId: prediction.channelId, messageId: prediction.messageId, text: renderPredictionMessage(prediction, votes) };
  if (ev.added && vote.kind === 'reject') {
    return { kind: 'ask-word', update, prompt: `Thanks! What is the right attribute for “${prediction.phraseRaw}”? Answer with /attribute-correct <word>.` };
  }
  return { kind: 'recorded', update };
}
