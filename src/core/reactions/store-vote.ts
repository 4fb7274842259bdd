import type { MessageUpdate } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { renderPredictionMessage } from '../render/prediction-message.js';
import type { Platform, PredictionRecord, Vote } from '../types.js';
import { voteControlsFor } from './vote-choices.js';

/** Who cast a vote, and how (the audit log keeps it). */
export interface Voter {
  platform: Platform;
  userId: string;
  isAdmin?: boolean;
  /** A message button rather than a reaction (absent: a reaction). */
  via?: 'button';
}

/**
 * Stores a vote (`added`) or its retraction, tells every process, and audits it: the one way a
 * reaction and a button click change a vote. Returns false when nothing changed (a duplicate).
 */
export async function storeVote(deps: ChatDeps, prediction: PredictionRecord, vote: Vote, added: boolean, voter: Voter): Promise<boolean> {
  // The voter's admin status at vote time weighs the vote in training; a retraction needs no status.
  const changed = added ? (await deps.storage.feedback.record({ ...vote, voterIsAdmin: voter.isAdmin === true, via: voter.via ?? 'reaction' })).created : await deps.storage.feedback.retract(vote);
  if (!changed) return false;
  // Durable now: other processes may learn from it at once (instant learning). Not awaited: the
  // vote (and the platform's acknowledgement) must not wait for the broadcast, and a lost one only
  // delays that learning until the next retrain.
  void deps.storage.events.publishTaught(prediction.phrase).catch(() => undefined);
  await deps.storage.audit.append({
    actor: `${voter.platform}:${voter.userId}`,
    action: added ? 'vote.add' : 'vote.retract',
    subject: `prediction:${prediction.id}`,
    after: { kind: vote.kind, label: vote.label, ...(added && voter.isAdmin === true ? { admin: true } : {}), ...(voter.via ? { via: voter.via } : {}) },
  });
  return true;
}

/** The edit of a posted prediction message after its votes changed: the re-rendered text (and its buttons, if any). */
export async function predictionUpdate(deps: ChatDeps, prediction: PredictionRecord & { messageId: string }): Promise<MessageUpdate> {
  const votes = await deps.storage.feedback.listForPrediction(prediction.id);
  const controls = deps.voteControls ?? 'reactions';
  const { choices } = voteControlsFor(controls, prediction.candidates);
  return {
    predictionId: prediction.id,
    channelId: prediction.channelId,
    messageId: prediction.messageId,
    text: renderPredictionMessage(prediction, votes, controls, (label) => deps.predictor.knowsLabel(label)),
    ...(choices.length > 0 ? { choices } : {}),
  };
}
