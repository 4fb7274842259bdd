import { AppError } from '../../errors.js';
import type { ChatContext, ChatReply } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { hasNoKnownWords, isTeachable, noKnownWordsText } from './known-words.js';
import { predictAndStore, toPredictionReply } from './prediction-reply.js';
import { validatePhrase } from './validate.js';

/**
 * `/attribute <phrase>`: validate, rate-limit, predict, store, and answer with the top 5.
 * A phrase without a known word gets a private answer instead of a public guess.
 * `heading` marks a question the bot asks itself (see `predictionReply`).
 */
export async function attribute(deps: ChatDeps, ctx: ChatContext, text: string, heading: string | null = null): Promise<ChatReply> {
  try {
    const { raw, phrase } = validatePhrase(text);
    const key = `${ctx.platform}:${ctx.userId}`;
    if (ctx.trusted !== true && !deps.rateLimit.take(key)) {
      const wait = Math.ceil(deps.rateLimit.retryAfter(key) / 1000);
      return { kind: 'error', ephemeral: true, text: `You are asking a lot at once — please wait ${wait} s and try again.` };
    }
    // Emoji, digits or symbols alone: nothing to predict from.
    if (!isTeachable(phrase)) return { kind: 'error', ephemeral: true, text: noKnownWordsText(phrase) };
    const result = await deps.predictor.predict(phrase, 5);
    if (hasNoKnownWords(phrase, result.oov)) {
      // Stored, so a following /attribute-correct teaches this phrase and no other.
      await predictAndStore(deps, ctx, raw, phrase, heading, result);
      return { kind: 'error', ephemeral: true, text: noKnownWordsText(phrase) };
    }
    return toPredictionReply(await predictAndStore(deps, ctx, raw, phrase, heading, result), deps.voteControls);
  } catch (err) {
    if (err instanceof AppError && err.code.startsWith('input.')) return { kind: 'error', ephemeral: true, text: err.message };
    throw err;
  }
}
