/** The private answer to a phrase without a single word the bot knows. */
export const NO_KNOWN_WORDS = "I don't know any of these words — teach me with /attribute-correct";

/** Runs of letters (with inner apostrophes or hyphens): what can carry an attribute. */
const WORD = /\p{L}[\p{L}\p{M}'’-]*/gu;

/**
 * True when a phrase has no word the encoder knows: no letter at all (emoji, numbers, symbols,
 * zero-width characters, `:9`), or every word is among the encoder's unknown words (`oov`).
 * Pure: the caller passes the encoder's verdict.
 */
export function hasNoKnownWords(phrase: string, oov: readonly string[]): boolean {
  const words = phrase.toLowerCase().match(WORD) ?? [];
  if (words.length === 0) return true;
  const unknown = new Set(oov.map((w) => w.toLowerCase()));
  return words.every((w) => unknown.has(w));
}

/**
 * Whether a phrase without known words is stored so `/attribute-correct` can teach it: only when
 * it has letters. Digits, emoji and symbols alone are not a phrase worth teaching (and a stored
 * prediction would join the quiz pool, where its empty vector looks maximally uncertain).
 */
export function isTeachable(phrase: string): boolean {
  return /\p{L}/u.test(phrase);
}

/** The reply text: teachable phrases are stored, so `/attribute-correct` applies to them. */
export function noKnownWordsText(phrase: string): string {
  return isTeachable(phrase)
    ? `${NO_KNOWN_WORDS} <word> (it applies to this phrase).`
    : `${NO_KNOWN_WORDS} after asking about a phrase in words: numbers, emoji and symbols alone name no attribute.`;
}
