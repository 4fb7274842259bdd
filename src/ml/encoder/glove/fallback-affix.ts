/**
 * Derived words GloVe lacks ("unflavoured", "reedlike", "overmodest", "palish"). For naming an
 * attribute the stem is what matters: "unflavoured" describes the same attribute (taste) as
 * "flavored", so stripping negating or degree prefixes and derivational suffixes is safe here
 * even where it would flip the meaning elsewhere. British spellings map to the American ones the
 * vocabulary mostly holds.
 */
const PREFIXES = [
  'non', 'un', 'in', 'im', 'il', 'ir', 'dis', 'mis', 'over', 'under', 'super', 'hyper', 'sub', 'semi', 'pre',
  'anti', 'counter', 'inter', 'out', 'ultra', 'self', 're',
];
const SUFFIXES = ['like', 'ish', 'ly', 'ness', 'ed', 'ing', 'able', 'ible', 'ous', 'ful', 'less', 'y', 'al', 'ic', 'ive'];
const BRITISH: readonly (readonly [RegExp, string])[] = [
  [/our/g, 'or'],
  [/is(e|ed|es|ing|ation)$/, 'iz$1'],
  [/ys(e|ed|es|ing)$/, 'yz$1'],
  [/tre$/, 'ter'],
  [/ae/g, 'e'],
  [/oe/g, 'e'],
];
const MIN_STEM = 3;

/** The American spelling of a British one, or undefined when nothing changes. */
export function americanSpelling(word: string): string | undefined {
  const us = BRITISH.reduce((w, [from, to]) => w.replace(from, to), word);
  return us === word ? undefined : us;
}

/**
 * Stems left by removing one suffix, each with the usual spelling repairs (e restored, doubled
 * consonant undone, i → y); one group per suffix.
 */
export function suffixStems(word: string): string[][] {
  const groups: string[][] = [];
  for (const suffix of SUFFIXES) {
    if (!word.endsWith(suffix)) continue;
    const stem = word.slice(0, -suffix.length);
    if (stem.length < MIN_STEM) continue;
    const group = [stem, `${stem}e`];
    if (stem.length > MIN_STEM && stem.at(-1) === stem.at(-2)) group.push(stem.slice(0, -1));
    if (stem.endsWith('i')) group.push(`${stem.slice(0, -1)}y`);
    groups.push(group);
  }
  return groups;
}

/**
 * Spellings to look up instead of an unknown word, in groups from most to least faithful:
 * American spelling, each suffix's stems, each prefix's remainder, then prefix and suffix removed.
 * Within a group the spellings are alternatives of equal standing ("pal" / "pale" for "palish"):
 * the caller takes the most frequent known one.
 *
 * @example
 * affixCandidates('palish') // [['pal', 'pale']]
 * affixCandidates('unflavoured') // [['unflavored'], ['flavoured', 'flavored'], ...]
 */
export function affixCandidates(word: string): string[][] {
  const groups: string[][] = [];
  const push = (group: string[]) => {
    const withUs = group.flatMap((w) => [w, americanSpelling(w) ?? w]);
    const clean = [...new Set(withUs)].filter((w) => w.length >= MIN_STEM && w !== word);
    if (clean.length > 0) groups.push(clean);
  };
  const us = americanSpelling(word);
  if (us) push([us]);
  for (const group of suffixStems(word)) push(group);
  for (const prefix of PREFIXES) {
    if (!word.startsWith(prefix) || word.length - prefix.length < MIN_STEM) continue;
    const rest = word.slice(prefix.length);
    push([rest]);
    for (const group of suffixStems(rest)) push(group);
  }
  return groups;
}
