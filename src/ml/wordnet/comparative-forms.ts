/**
 * Regular comparatives and superlatives of English adjectives, both ways: the forms an adjective
 * takes (cold → colder, coldest) and the adjectives a form can come from (tastier → tasty).
 */

const VOWEL = /[aeiou]/;

/**
 * Regular comparative and superlative of a short adjective (cold → colder, coldest; big → bigger;
 * happy → happier; nice → nicer). Long adjectives take "more"/"most" in English, so none here.
 */
export function comparativeForms(word: string): string[] {
  if (!/^[a-z]+$/.test(word) || word.length < 3 || word.length > 7) return [];
  if (word.endsWith('e')) return [`${word}r`, `${word}st`];
  if (/[^aeiou]y$/.test(word)) return [`${word.slice(0, -1)}ier`, `${word.slice(0, -1)}iest`];
  const last = word.at(-1) ?? '';
  const beforeLast = word.at(-2) ?? '';
  const third = word.at(-3) ?? '';
  // One short vowel before a final consonant doubles it (big → bigger), but not w, x or y.
  const doubles = !VOWEL.test(last) && !'wxy'.includes(last) && VOWEL.test(beforeLast) && !VOWEL.test(third) && word.length <= 4;
  const stem = doubles ? word + last : word;
  return [`${stem}er`, `${stem}est`];
}

/** What a comparative's or superlative's ending may have replaced. */
const ENDINGS: readonly (readonly [string, string])[] = [
  ['ier', 'y'],
  ['iest', 'y'],
  ['er', ''],
  ['est', ''],
  ['er', 'e'],
  ['est', 'e'],
];

/**
 * The spellings whose regular comparative or superlative ({@link comparativeForms}) `word` is,
 * not checked against any vocabulary: the caller keeps the adjectives it knows.
 *
 * @example
 * adjectiveBases('cutest') // ['cute'] (cut's would be cuttest)
 * adjectiveBases('bigger') // ['bigg', 'big', 'bigge']: big is the adjective
 */
export function adjectiveBases(word: string): string[] {
  const stems = new Set<string>();
  for (const [suffix, ending] of ENDINGS) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    stems.add(stem + ending);
    // a doubled final consonant undone (bigger → big)
    if (ending === '' && stem.length > 1 && stem.at(-1) === stem.at(-2)) stems.add(stem.slice(0, -1));
  }
  return [...stems].filter((base) => comparativeForms(base).includes(word));
}
