import type { ChatContext, PredictionReply } from '../chat/chat-core.js';
import { VOTE_EMOJI } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { renderPredictionMessage } from '../render/prediction-message.js';

/**
 * Predicts a validated phrase, stores the prediction (so votes on its message count) and renders
 * the answer with the vote reactions. Shared by `/attribute`, the quiz and learning prompts.
 *
 * @param raw the phrase as the user typed it (shown); `phrase` is its normalized form (predicted).
 * @param heading set when the bot asks on its own (`Quiz`, `Learning prompt`): kept with the
 *   prediction, so the message keeps it when a vote re-renders it.
 */
export async function predictionReply(deps: ChatDeps, ctx: ChatContext, raw: string, phrase: string, heading: string | null = null): Promise<PredictionReply> {
  const result = await deps.predictor.predict(phrase, 5);
  const record = await deps.storage.predictions.create({
    platform: ctx.platform,
    workspaceId: ctx.workspaceId,
    channelId: ctx.channelId,
    messageId: null,
    userId: ctx.userId,
    phraseRaw: raw,
    phrase,
    candidates: result.candidates,
    encoderId: result.encoderId,
    modelVersionId: result.modelVersion,
    heading,
    unknownWords: result.oov,
  });
  return { kind: 'prediction', predictionId: record.id, text: renderPredictionMessage(record), reactions: VOTE_EMOJI };
}
