import type { ChatContext, ChatReply } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { attribute } from './attribute.js';

/** How far back the quiz looks for phrases nobody has voted on. */
const POOL_DAYS = 30;

/**
 * `/attribute quiz`: shows the phrase the model is least sure about among recent questions nobody
 * voted on (uncertainty sampling), as an ordinary prediction, so reactions teach the bot.
 */
export async function quiz(deps: ChatDeps, ctx: ChatContext): Promise<ChatReply> {
  const now = deps.now?.() ?? new Date();
  const pool = await deps.storage.predictions.unvotedPhrasesSince(new Date(now.getTime() - POOL_DAYS * 86_400_000), 500);
  const [phrase] = await deps.predictor.mostUncertain(pool);
  if (!phrase) return { kind: 'text', ephemeral: true, text: 'Nothing to quiz you on yet: every recent question already has votes. Thanks!' };
  const reply = await attribute(deps, ctx, phrase);
  if (reply.kind !== 'prediction') return reply;
  return { ...reply, text: `Quiz — I'm unsure about this one; which is right?\n${reply.text}` };
}
