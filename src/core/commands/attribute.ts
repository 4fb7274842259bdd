import { AppError } from '../../errors.js';
import type { ChatContext, ChatReply } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { predictionReply } from './prediction-reply.js';
import { validatePhrase } from './validate.js';

/**
 * `/attribute <phrase>`: validate, rate-limit, predict, store, and answer with the top 5.
 * `heading` marks a question the bot asks itself (see `predictionReply`).
 */
export async function attribute(deps: ChatDeps, ctx: ChatContext, text: string, heading: string | null = null): Promise<ChatReply> {
  try {
    const { raw, phrase } = validatePhrase(text);
    const key = `${ctx.platform}:${ctx.userId}`;
    if (!deps.rateLimit.take(key)) {
      const wait = Math.ceil(deps.rateLimit.retryAfter(key) / 1000);
      return { kind: 'error', ephemeral: true, text: `You are asking a lot at once — please wait ${wait} s and try again.` };
    }
    return await predictionReply(deps, ctx, raw, phrase, heading);
  } catch (err) {
    if (err instanceof AppError && err.code.startsWith('input.')) return { kind: 'error', ephemeral: true, text: err.message };
    throw err;
  }
}
