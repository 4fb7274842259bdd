import type { ChatContext, PredictionReply, VoteControls } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { voteControlsFor } from '../reactions/vote-choices.js';
import { renderPredictionMessage } from '../render/prediction-message.js';
import type { PredictionRecord, PredictionResult } from '../types.js';

/**
 * Predicts a validated phrase and stores the prediction (so votes on its message and a later
 * `/attribute-correct` count). `heading` is kept with the prediction, so its message keeps it
 * when a vote re-renders it.
 */
export async function predictAndStore(
  deps: ChatDeps,
  ctx: ChatContext,
  raw: string,
  phrase: string,
  heading: string | null = null,
  result?: PredictionResult,
): Promise<PredictionRecord> {
  const r = result ?? (await deps.predictor.predict(phrase, 5));
  return deps.storage.predictions.create({
    platform: ctx.platform,
    workspaceId: ctx.workspaceId,
    channelId: ctx.channelId,
    messageId: null,
    userId: ctx.userId,
    phraseRaw: raw,
    phrase,
    candidates: r.candidates,
    encoderId: r.encoderId,
    modelVersionId: r.modelVersion,
    heading,
    unknownWords: r.oov,
  });
}

/** The public answer for a stored prediction: its message with the vote reactions and/or buttons `controls` asks for. */
export function toPredictionReply(record: PredictionRecord, controls: VoteControls = 'reactions'): PredictionReply {
  return { kind: 'prediction', predictionId: record.id, text: renderPredictionMessage(record, [], controls), ...voteControlsFor(controls, record.candidates) };
}

/**
 * Predicts a validated phrase, stores the prediction and renders the answer with the vote
 * reactions. Shared by `/attribute`, the quiz and learning prompts.
 *
 * @param raw the phrase as the user typed it (shown); `phrase` is its normalized form (predicted).
 * @param heading set when the bot asks on its own (`Quiz`, `Learning prompt`).
 */
export async function predictionReply(deps: ChatDeps, ctx: ChatContext, raw: string, phrase: string, heading: string | null = null): Promise<PredictionReply> {
  return toPredictionReply(await predictAndStore(deps, ctx, raw, phrase, heading), deps.voteControls);
}
