/**
 * Spellings that stretch a word by repeating letters ("sooo", "cooool", "hottt"). A run of three
 * or more identical letters is never standard English, so each such run may stand for one or two
 * letters; runs of two ("cool") are left alone.
 */
const LONG_RUN = /(\p{L})\1{2,}/u;
const MAX_RUNS = 6;

/** True when the word has a run of three or more identical letters. */
export function hasLongRun(word: string): boolean {
  return LONG_RUN.test(word);
}

/**
 * Every spelling obtained by shrinking each long run to one or two letters, shortest first.
 * Returns [] when there is no long run.
 *
 * @example
 * collapseVariants('sooo') // ['so', 'soo']
 * collapseVariants('cooool') // ['col', 'cool']
 */
export function collapseVariants(word: string): string[] {
  const parts = word.split(/((\p{L})\2{2,})/u);
  // split with two groups yields [text, run, letter, text, run, letter, ..., text]
  const texts: string[] = [];
  const letters: string[] = [];
  for (let i = 0; i < parts.length; i += 3) {
    texts.push(parts[i] ?? '');
    const letter = parts[i + 2];
    if (letter !== undefined) letters.push(letter);
  }
  if (letters.length === 0) return [];
  // Bound the combinations: beyond a few runs, only "all single" and "all double" are tried.
  const masks =
    letters.length > MAX_RUNS ? [0, (1 << letters.length) - 1] : Array.from({ length: 1 << letters.length }, (_, m) => m);
  const out = new Set<string>();
  for (const mask of masks) {
    let s = texts[0]!;
    letters.forEach((l, k) => {
      s += (mask & (1 << k) ? l + l : l) + texts[k + 1]!;
    });
    out.add(s);
  }
  return [...out].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
}
