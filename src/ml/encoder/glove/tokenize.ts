import { straightApostrophes } from '../../../core/text.js';

/**
 * Splits a phrase into lowercase word tokens the way GloVe's vocabulary expects: on whitespace and
 * punctuation, keeping intra-word hyphens and apostrophes ("well-known", "o'clock"), which GloVe
 * often has as single entries.
 *
 * @example
 * tokenize('Sooo CHONKY!!! (well-known)') // ['sooo', 'chonky', 'well-known']
 */
export function tokenize(phrase: string): string[] {
  const text = straightApostrophes(phrase.normalize('NFKC').toLowerCase()).replace(/[\u2010\u2011]/g, '-');
  return text.match(TOKEN) ?? [];
}

const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['-][\p{L}\p{M}\p{N}]+)*/gu;
