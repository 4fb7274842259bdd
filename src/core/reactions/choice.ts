import type { ChoiceEvent, ChoiceResult } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import type { PredictionRecord, Vote } from '../types.js';
import { predictionUpdate, storeVote } from './store-vote.js';
import { toggleOf, voteFromChoice } from './vote-choices.js';

/**
 * A click on a vote button: exactly the vote its reaction would be (same storage, audit and
 * message edit), as a toggle: the clicker's same live vote is taken back, any other click
 * recorded. The adapter runs clicks of one message in order (`MessageOrder`), so two quick
 * clicks toggle twice.
 */
export async function choice(deps: ChatDeps, ev: ChoiceEvent): Promise<ChoiceResult> {
  const prediction = await deps.storage.predictions.findByMessage(ev.platform, ev.channelId, ev.messageId);
  if (!prediction?.messageId) return { kind: 'ignored', text: 'I no longer know that answer, so I could not record your vote. Ask me again with /attribute.' };
  const vote = voteFromChoice(ev.choice, prediction.id, ev.userId, prediction.candidates);
  if (!vote) return { kind: 'ignored', text: 'That button is not a vote on this answer.' };
  const toggle = toggleOf(await deps.storage.feedback.listForPrediction(prediction.id), vote);
  // A concurrent click in another process may have done the same already: the outcome stands.
  await storeVote(deps, prediction, vote, toggle === 'record', { platform: ev.platform, userId: ev.userId, isAdmin: ev.isAdmin, via: 'button' });
  const update = await predictionUpdate(deps, { ...prediction, messageId: prediction.messageId });
  return toggle === 'record' ? { kind: 'recorded', update, text: recordedText(prediction, vote) } : { kind: 'retracted', update, text: retractedText(prediction, vote) };
}

function recordedText(p: PredictionRecord, vote: Vote): string {
  return vote.kind === 'confirm'
    ? `Thanks — recorded: “${vote.label}” is right for “${p.phraseRaw}”. Click ✅ again to take your vote back.`
    : `Thanks — recorded “${vote.label}” for “${p.phraseRaw}”. Click it again to take your vote back.`;
}

function retractedText(p: PredictionRecord, vote: Vote): string {
  return vote.kind === 'confirm' ? `Took back your ✅ for “${vote.label}” on “${p.phraseRaw}”.` : `Took back your vote “${vote.label}” for “${p.phraseRaw}”.`;
}
