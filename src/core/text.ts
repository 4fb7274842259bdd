/**
 * Canonical forms of phrases and labels, shared by storage, training and prediction so the same
 * text always maps to the same key.
 *
 * @example
 * normalizeText('  Very   CHONKY ') // 'very chonky'
 */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Labels use the same canonical form; underscores (WordNet lemmas) become spaces. */
export function normalizeLabel(label: string): string {
  return normalizeText(label.replace(/_/g, ' '));
}

/** Typographic apostrophes (a phone's "i’m") as the apostrophe. */
export function straightApostrophes(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'");
}

/** Characters a word starts or ends with that are not part of it: punctuation, emoji, symbols. */
const EDGE = /^[^\p{L}\p{M}\p{N}]+|[^\p{L}\p{M}\p{N}]+$/gu;
const ONE_LETTER = /^\p{L}$/u;

/**
 * The words of a (normalized) phrase as a chat message writes them: split on spaces, each without
 * the punctuation, emoji or symbols around it ("tired!!", "(crunchy)"); tokens with no letter or
 * digit (":(", "😩", "!!!") and emoticons of one letter (":D", ":P") left out. Apostrophes
 * (typographic ones as "'") and hyphens inside a word stay ("it's", "well-known"), and a word `isKnown` as written keeps its
 * punctuation (WordNet's "a.m.", "sr.").
 *
 * @example
 * phraseWords('so tired!! :(') // ['so', 'tired']
 * phraseWords('sr. citizen', (w) => w === 'sr.') // ['sr.', 'citizen']
 */
export function phraseWords(phrase: string, isKnown: (word: string) => boolean = () => false): string[] {
  const out: string[] = [];
  for (const token of straightApostrophes(phrase).split(' ')) {
    const word = token === '' || isKnown(token) ? token : token.replace(EDGE, '');
    if (word === '' || (word !== token && ONE_LETTER.test(word))) continue;
    out.push(word);
  }
  return out;
}
