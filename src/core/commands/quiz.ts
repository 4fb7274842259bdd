import type { ChatContext, ChatReply } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { mostInformativePhrase } from '../learning/most-informative.js';
import { attribute } from './attribute.js';

/**
 * `/attribute quiz`: shows the phrase the model is least sure about among recent questions nobody
 * voted on (uncertainty sampling), as an ordinary prediction, so reactions teach the bot.
 */
export async function quiz(deps: ChatDeps, ctx: ChatContext): Promise<ChatReply> {
  const phrase = await mostInformativePhrase(deps);
  if (!phrase) return { kind: 'text', ephemeral: true, text: 'Nothing to quiz you on yet: every recent question already has votes. Thanks!' };
  return attribute(deps, ctx, phrase, 'Quiz');
}
