/**
 * An edit distance tuned to how slang bends words (optimal string alignment, weighted):
 * swapping one vowel for another ("chonky" → "chunky"), sound-alike consonants ("thicc" →
 * "thick") and doubling or undoubling a letter ("smol" → "small") cost half an edit; any other
 * insertion, deletion, substitution or transposition costs one.
 */
const CHEAP = 0.5;
const VOWEL = new Uint8Array(128);
for (const c of 'aeiouy') VOWEL[c.charCodeAt(0)] = 1;
/** Sound-alike groups: letters with the same non-zero class swap cheaply. */
const SOUND = new Uint8Array(128);
for (const [group, letters] of [[1, 'ckq'], [2, 'sz']] as const) {
  for (const c of letters) SOUND[c.charCodeAt(0)] = group;
}

function substitution(x: number, y: number): number {
  if (x === y) return 0;
  if (x < 128 && y < 128 && ((VOWEL[x] && VOWEL[y]) || (SOUND[x] && SOUND[x] === SOUND[y]))) return CHEAP;
  // "c" sounds like "s" before e/i; cheap both ways is close enough for slang.
  return (x === 99 && y === 115) || (x === 115 && y === 99) ? CHEAP : 1;
}

/**
 * A word prepared for many distance computations: its code units and per-letter deletion costs
 * (deleting a letter that repeats the previous one is undoubling, hence cheap).
 */
export class SpellingQuery {
  readonly codes: Uint16Array;
  private readonly del: Float64Array;
  private prev2: Float64Array;
  private prev: Float64Array;
  private cur: Float64Array;

  constructor(word: string) {
    const n = word.length;
    this.codes = new Uint16Array(n);
    this.del = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      this.codes[i] = word.charCodeAt(i);
      this.del[i] = i > 0 && this.codes[i] === this.codes[i - 1] ? CHEAP : 1;
    }
    this.prev2 = new Float64Array(n + 1);
    this.prev = new Float64Array(n + 1);
    this.cur = new Float64Array(n + 1);
  }

  /**
   * Distance to the candidate `b[start, start + m)`, or `Infinity` once it provably exceeds `max`.
   * The DP runs over the candidate's letters as rows so the early exit can fire after any row.
   */
  distance(b: Uint16Array, start: number, m: number, max: number): number {
    const a = this.codes;
    const n = a.length;
    if (Math.abs(n - m) * CHEAP > max) return Infinity;
    let { prev2, prev, cur } = this;
    prev[0] = 0;
    for (let i = 1; i <= n; i++) prev[i] = prev[i - 1]! + this.del[i - 1]!;
    for (let j = 1; j <= m; j++) {
      const bj = b[start + j - 1]!;
      const bPrev = j > 1 ? b[start + j - 2]! : -1;
      const ins = bj === bPrev ? CHEAP : 1;
      cur[0] = prev[0]! + ins;
      let rowMin = cur[0];
      for (let i = 1; i <= n; i++) {
        const ai = a[i - 1]!;
        let d = Math.min(prev[i]! + ins, cur[i - 1]! + this.del[i - 1]!, prev[i - 1]! + substitution(ai, bj));
        if (i > 1 && j > 1 && ai === bPrev && a[i - 2] === bj && ai !== bj) d = Math.min(d, prev2[i - 2]! + 1);
        cur[i] = d;
        if (d < rowMin) rowMin = d;
      }
      if (rowMin > max) return Infinity;
      [prev2, prev, cur] = [prev, cur, prev2];
    }
    [this.prev2, this.prev, this.cur] = [prev2, prev, cur];
    const result = prev[n]!;
    return result > max ? Infinity : result;
  }
}

/** Weighted distance between two words, or `Infinity` when it exceeds `max`. */
export function spellingDistance(a: string, b: string, max: number = Infinity): number {
  const codes = new Uint16Array(b.length);
  for (let j = 0; j < b.length; j++) codes[j] = b.charCodeAt(j);
  return new SpellingQuery(a).distance(codes, 0, b.length, max);
}
