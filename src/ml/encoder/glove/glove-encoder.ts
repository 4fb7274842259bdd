import type { Encoder } from '../../../core/ports.js';
import { composePhrase } from './compose.js';
import { SpellingIndex } from './fallback-spelling.js';
import { loadGloveTable, type GloveSourceOptions } from './glove-store.js';
import { GloveVocab } from './glove-vocab.js';
import { NearestWords, type WordScore } from './nearest-words.js';
import { isStopWord } from './stop-words.js';
import { tokenize } from './tokenize.js';
import { phraseWeights } from './weighting.js';
import { WordResolver, type TokenResolution } from './word-resolver.js';

/**
 * Version of the phrase composition (tokenizer, stop words, weighting, fallbacks). Bump it whenever
 * any of them changes what `encode` returns: embedding caches and trained heads are keyed by the id.
 */
export const GLOVE_COMPOSITION_VERSION = 2;
/** Encoder id of {@link GloveEncoder}. */
export const GLOVE_ENCODER_ID = `glove:wink-sg-100d:v${GLOVE_COMPOSITION_VERSION}`;

/** A token of a phrase, how it was resolved and its weight in the phrase vector. */
export interface TokenExplanation extends TokenResolution {
  readonly weight: number;
}

/** GloVe phrase encoder: a weighted mean of word vectors with fallbacks for unknown words. */
export interface GloveEncoder extends Encoder {
  /** Number of words with a vector. */
  readonly vocabSize: number;
  /**
   * Content tokens of the phrase without their own vocabulary vector, in order, once each. A
   * fallback may still approximate them (see {@link GloveEncoder.explain}); stop words are never
   * listed.
   */
  oov(phrase: string): string[];
  /** A copy of a word's own vector (exact lookup, no fallback), or undefined. */
  vector(word: string): Float32Array | undefined;
  /** True when the word has its own vector. */
  has(word: string): boolean;
  /** The `k` frequent words closest (cosine) to a vector, best first. */
  nearestWords(vec: Float32Array, k: number): WordScore[];
  /** How each token of a phrase was resolved and weighted: for logs, the CLI and tests. */
  explain(phrase: string): TokenExplanation[];
}

/** Options of {@link loadGloveEncoder}. */
export type GloveEncoderOptions = GloveSourceOptions;

/**
 * Loads the GloVe encoder from `<dataDir>/glove/glove-100d.bin`, converting the wink JSON (the
 * installed package, or `sourcePath`) into that cache on first use.
 *
 * @throws ModelError `encoder.unavailable` when neither a valid cache nor the source can be read.
 */
export async function loadGloveEncoder(opts: GloveEncoderOptions): Promise<GloveEncoder> {
  const started = performance.now();
  const { table, cachePath, built } = await loadGloveTable(opts);
  const encoder = new WinkGloveEncoder(new GloveVocab(table));
  if (!built) {
    const ms = Math.round(performance.now() - started);
    opts.onProgress?.(`GloVe: loaded ${table.words.length} words from ${cachePath} in ${ms} ms.`);
  }
  return encoder;
}

class WinkGloveEncoder implements GloveEncoder {
  readonly id = GLOVE_ENCODER_ID;
  readonly dim: number;
  readonly vocabSize: number;
  private readonly resolver: WordResolver;
  private readonly neighbours: NearestWords;

  constructor(private readonly vocab: GloveVocab) {
    this.dim = vocab.dim;
    this.vocabSize = vocab.size;
    // Built now (~20 ms) rather than on the first unknown word, which would then miss the 2 ms
    // prediction budget.
    const spelling = new SpellingIndex(vocab.words);
    this.resolver = new WordResolver(vocab, () => spelling);
    this.neighbours = new NearestWords(vocab);
  }

  encode(phrases: readonly string[]): Promise<Float32Array[]> {
    return Promise.resolve(phrases.map((p) => this.encodeOne(p)));
  }

  oov(phrase: string): string[] {
    // The vocabulary lacks some stop words ("a"); they never matter, so they are not reported.
    return [...new Set(tokenize(phrase).filter((t) => this.vocab.rank(t) === undefined && !isStopWord(t)))];
  }

  vector(word: string): Float32Array | undefined {
    return this.vocab.vector(word);
  }

  has(word: string): boolean {
    return this.vocab.rank(word) !== undefined;
  }

  nearestWords(vec: Float32Array, k: number): WordScore[] {
    return this.neighbours.nearest(vec, k);
  }

  explain(phrase: string): TokenExplanation[] {
    const tokens = tokenize(phrase).map((t) => this.resolver.resolve(t));
    const weights = phraseWeights(tokens, this.vocab.size);
    return tokens.map((t, i) => ({ ...t, weight: weights[i] ?? 0 }));
  }

  dispose(): Promise<void> {
    return Promise.resolve();
  }

  private encodeOne(phrase: string): Float32Array {
    const tokens = tokenize(phrase).map((t) => this.resolver.resolve(t));
    return composePhrase(this.vocab, tokens, phraseWeights(tokens, this.vocab.size));
  }
}
