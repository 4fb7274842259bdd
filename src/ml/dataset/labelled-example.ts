/** A phrase with every label accepted for it, both in canonical form (`normalizeText`, `normalizeLabel`). */
export interface LabelledExample {
  phrase: string;
  labels: string[];
}

/** Longest phrase accepted, in characters (code points) after normalization. */
export const MAX_PHRASE_LENGTH = 100;

/**
 * True when `text` holds a C0 or C1 control character other than tab (tab is the TSV column
 * separator, checked on its own).
 */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09) || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}
