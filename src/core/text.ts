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
