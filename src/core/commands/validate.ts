import { InputError } from '../../errors.js';
import { normalizeLabel, normalizeText } from '../text.js';

export const MAX_PHRASE_LENGTH = 100;

// Control characters (C0, DEL, C1) and bidi overrides can hide text or break rendering.
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

function check(text: string, what: 'phrase' | 'word'): string {
  const trimmed = text.trim();
  if (trimmed.length === 0) throw new InputError('input.invalid', `Please give a ${what}, e.g. \`/attribute very chonky\`.`);
  if (CONTROL.test(trimmed)) throw new InputError('input.invalid', `That ${what} contains control characters; please type plain text.`);
  if (trimmed.length > MAX_PHRASE_LENGTH) {
    throw new InputError('input.invalid', `That ${what} is ${trimmed.length} characters long; the limit is ${MAX_PHRASE_LENGTH}.`);
  }
  return trimmed;
}

/** A phrase as typed (trimmed) and its canonical form; throws a clear {@link InputError} otherwise. */
export function validatePhrase(text: string): { raw: string; phrase: string } {
  const raw = check(text, 'phrase');
  return { raw, phrase: normalizeText(raw) };
}

/** A label typed by a user (a correction): 1–100 characters, no control characters. */
export function validateLabel(text: string): string {
  return normalizeLabel(check(text, 'word'));
}
