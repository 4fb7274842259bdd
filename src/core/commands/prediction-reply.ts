import type { ChatContext, PredictionReply } from '../chat/chat-core.js';
import { VOTE_EMOJI } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { renderPrediction } from '../render/prediction-message.js';

/**
 * Predicts a validated phrase, stores the prediction (so votes on its message count) and renders
 * the answer with the vote reactions. Shared by `/attribute`, the quiz and learning prompts.
 *
 * @param raw the phrase as the user typed it (shown); `phrase` is its normalized form (predicted).
 */
export async function predictionReply(deps: ChatDeps, ctx: ChatContext, raw: string, phrase: string): Promise<PredictionReply> {
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
  });
  let body = renderPrediction(record);
  if (result.oov.length > 0 && result.candidates.length > 0) {
    body += `\n(I don't know the word${result.oov.length > 1 ? 's' : ''} ${result.oov.map((w) => `“${w}”`).join(', ')} well — your corrections teach me.)`;
  }
  return { kind: 'prediction', predictionId: record.id, text: body, reactions: VOTE_EMOJI };
}
