import type { ChatContext, ChatReply } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { mostInformativePhrase } from '../learning/most-informative.js';
import { attribute } from './attribute.js';

/** A phrase the asker was shown (a quiz, or their own question) is not quizzed again for this long. */
export const QUIZ_COOLDOWN_MS = 86_400_000;

/**
 * `/attribute quiz`: shows the phrase the model is least sure about among recent questions nobody
 * voted on (uncertainty sampling), as an ordinary prediction, so reactions teach the bot. Never a
 * phrase the asker was shown within {@link QUIZ_COOLDOWN_MS}.
 */
export async function quiz(deps: ChatDeps, ctx: ChatContext): Promise<ChatReply> {
  const now = deps.now?.() ?? new Date();
  const shown = await deps.storage.predictions.postedPhrasesOfUserSince(ctx.userId, new Date(now.getTime() - QUIZ_COOLDOWN_MS));
  const phrase = await mostInformativePhrase(deps, new Set(shown));
  if (!phrase) return { kind: 'text', ephemeral: true, text: 'Nothing to quiz you on yet: every recent question already has votes. Thanks!' };
  return attribute(deps, ctx, phrase, 'Quiz');
}
