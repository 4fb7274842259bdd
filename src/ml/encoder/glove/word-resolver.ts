import { affixCandidates } from './fallback-affix.js';
import { apostropheCandidates } from './fallback-apostrophe.js';
import { closedCompound, hyphenParts } from './fallback-hyphen.js';
import { collapseVariants, hasLongRun } from './fallback-repeat.js';
import { SLANG_OVERRIDE_RANK, slangMeaning } from './fallback-slang.js';
import type { SpellingIndex } from './fallback-spelling.js';
import type { GloveVocab } from './glove-vocab.js';
import { isStopWord } from './stop-words.js';

/** How a token was mapped to vocabulary words. */
export type Via = 'exact' | 'repeat' | 'slang' | 'apostrophe' | 'hyphen' | 'affix' | 'spelling' | 'oov';

/** One token of a phrase and the vocabulary words that stand for it (their mean is its vector). */
export interface TokenResolution {
  readonly token: string;
  readonly via: Via;
  readonly words: readonly string[];
  readonly ranks: readonly number[];
  /** Trust in the fallback, multiplied into the token's weight. */
  readonly confidence: number;
  readonly stop: boolean;
}

/** Guessed spellings count less than words the vocabulary knows. */
export const FALLBACK_CONFIDENCE: Readonly<Record<Via, number>> = {
  exact: 1,
  repeat: 1,
  slang: 0.9,
  apostrophe: 1,
  hyphen: 0.9,
  affix: 0.8,
  spelling: 0.6,
  oov: 0,
};

const CACHE_LIMIT = 50_000;

/**
 * Maps tokens to vocabulary words, trying in order: exact (or a stretched spelling's most frequent
 * collapse), slang table (also overriding very rare words), apostrophe stem, closed-up or split
 * hyphen compound, affix stem or American spelling, spelling neighbour. Results are
 * memoized because the spelling search is the only non-trivial cost on the prediction path.
 */
export class WordResolver {
  private readonly memo = new Map<string, TokenResolution>();

  constructor(
    private readonly vocab: GloveVocab,
    private readonly spelling: () => SpellingIndex,
  ) {}

  resolve(token: string): TokenResolution {
    let r = this.memo.get(token);
    if (!r) {
      if (this.memo.size >= CACHE_LIMIT) this.memo.clear();
      r = this.compute(token);
      this.memo.set(token, r);
    }
    return r;
  }

  private compute(token: string): TokenResolution {
    const slang = [token, ...collapseVariants(token)].map(slangMeaning).find((m) => m !== undefined);
    const stop = isStopWord(token) || (slang !== undefined && isStopWord(slang));
    const make = (via: Via, words: string[], ranks: number[], confidence = FALLBACK_CONFIDENCE[via]) =>
      ({ token, via, words, ranks, confidence, stop }) satisfies TokenResolution;

    const direct = this.lookup(token);
    const slangHit = slang === undefined ? undefined : this.lookup(slang);
    if (slangHit && (!direct || direct.rank >= SLANG_OVERRIDE_RANK)) return make('slang', [slangHit.word], [slangHit.rank]);
    if (direct) return make(direct.word === token ? 'exact' : 'repeat', [direct.word], [direct.rank]);
    for (const alt of apostropheCandidates(token)) {
      const hit = this.lookup(alt);
      if (hit) return make('apostrophe', [hit.word], [hit.rank]);
    }
    const closed = closedCompound(token);
    const closedHit = closed === undefined ? undefined : this.lookup(closed);
    if (closedHit) return make('hyphen', [closedHit.word], [closedHit.rank]);
    const parts = hyphenParts(token).map((p) => this.resolve(p)).filter((p) => p.ranks.length > 0);
    if (parts.length > 0) {
      const content = parts.some((p) => !p.stop) ? parts.filter((p) => !p.stop) : parts;
      const confidence = FALLBACK_CONFIDENCE.hyphen * Math.min(...content.map((p) => p.confidence));
      return make('hyphen', content.flatMap((p) => p.words), content.flatMap((p) => p.ranks), confidence);
    }
    for (const group of affixCandidates(token)) {
      const hit = this.mostFrequent(group);
      if (hit) return make('affix', [hit.word], [hit.rank]);
    }
    const guess = this.spell(token);
    if (guess) return make('spelling', [guess.word], [guess.rank]);
    return make('oov', [], []);
  }

  /** Exact lookup, letting a stretched spelling ("sooo") map to its most frequent collapse ("so"). */
  private lookup(word: string): { word: string; rank: number } | undefined {
    let best: { word: string; rank: number } | undefined;
    const exact = this.vocab.rank(word);
    if (exact !== undefined) best = { word, rank: exact };
    if (!hasLongRun(word)) return best;
    for (const v of collapseVariants(word)) {
      const rank = this.vocab.rank(v);
      if (rank !== undefined && (!best || rank < best.rank)) best = { word: v, rank };
    }
    return best;
  }

  private mostFrequent(words: readonly string[]): { word: string; rank: number } | undefined {
    let best: { word: string; rank: number } | undefined;
    for (const w of words) {
      const hit = this.lookup(w);
      if (hit && (!best || hit.rank < best.rank)) best = hit;
    }
    return best;
  }

  private spell(token: string): { word: string; rank: number } | undefined {
    const index = this.spelling();
    let best: { word: string; rank: number; distance: number } | undefined;
    for (const form of [token, ...collapseVariants(token)]) {
      const m = index.nearest(form);
      if (m && (!best || m.distance < best.distance)) best = m;
    }
    return best;
  }
}
