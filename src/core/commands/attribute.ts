import { AppError } from '../../errors.js';
import type { ChatContext, ChatReply } from '../chat/chat-core.js';
import { VOTE_EMOJI } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { renderPrediction } from '../render/prediction-message.js';
import { validatePhrase } from './validate.js';

/** `/attribute <phrase>`: validate, rate-limit, predict, store, and answer with the top 5. */
export async function attribute(deps: ChatDeps, ctx: ChatContext, text: string): Promise<ChatReply> {
  try {
    const { raw, phrase } = validatePhrase(text);
    const key = `${ctx.platform}:${ctx.userId}`;
    if (!deps.rateLimit.take(key)) {
      const wait = Math.ceil(deps.rateLimit.retryAfter(key) / 1000);
      return { kind: 'error', ephemeral: true, text: `You are asking a lot at once — please wait ${wait} s and try again.` };
    }
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
  } catch (err) {
    if (err instanceof AppError && err.code.startsWith('input.')) return { kind: 'error', ephemeral: true, text: err.message };
    throw err;
  }
}
