import { InputError } from '../../errors.js';
import type { ChatContext, ChatReply } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { attribute } from './attribute.js';
import { MAX_PHRASE_LENGTH, validatePhrase } from './validate.js';

const EXAMPLE = '`/attribute very chonky`';

/**
 * The phrase to answer for a chat message someone picked ("Name the attribute" on Discord, the
 * message shortcut on Slack): its text with line breaks and runs of spaces as single spaces. A
 * message that cannot be a phrase (too long, no text, control characters) gets a private hint
 * instead, pointing at `/attribute` with a shorter phrase. Pure: adapters check it before showing
 * a public placeholder, and the core again when answering.
 */
export function phraseFromMessage(text: string): { ok: true; text: string } | { ok: false; hint: string } {
  const flat = text.replace(/\s+/gu, ' ').trim();
  if (flat.length === 0) return { ok: false, hint: `That message has no text I could name an attribute for. Try /attribute with a phrase, e.g. ${EXAMPLE}.` };
  if (flat.length > MAX_PHRASE_LENGTH) {
    return {
      ok: false,
      hint: `That message is ${flat.length} characters long; I answer for phrases of up to ${MAX_PHRASE_LENGTH}. Use /attribute with a shorter phrase from it, e.g. ${EXAMPLE}.`,
    };
  }
  try {
    validatePhrase(flat);
  } catch (err) {
    if (err instanceof InputError) return { ok: false, hint: `${err.message} Use /attribute with the phrase instead, e.g. ${EXAMPLE}.` };
    throw err;
  }
  return { ok: true, text: flat };
}

/** "Name the attribute" on a chat message: {@link phraseFromMessage}, then the same answer as `/attribute` (never the quiz). */
export async function attributeOfMessage(deps: ChatDeps, ctx: ChatContext, text: string): Promise<ChatReply> {
  const phrase = phraseFromMessage(text);
  return phrase.ok ? attribute(deps, ctx, phrase.text) : { kind: 'error', ephemeral: true, text: phrase.hint };
}
