/**
 * Hyphenated compounds: GloVe knows many ("well-known") but not most ad-hoc ones ("super-chonky",
 * "mouth-watering" variants). A missing compound is looked up closed up first ("e-mail" →
 * "email"), then stands for the mean of its parts.
 */

/** The non-empty parts of a hyphenated word; [] when there is no hyphen. */
export function hyphenParts(word: string): string[] {
  if (!word.includes('-')) return [];
  return word.split('-').filter((p) => p.length > 0);
}

/** The compound without hyphens ("e-mail" → "email"), or undefined when there is no hyphen. */
export function closedCompound(word: string): string | undefined {
  return word.includes('-') ? word.replace(/-/g, '') : undefined;
}
