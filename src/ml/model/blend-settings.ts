/**
 * How the parts of a prediction are blended. Tuned on wordnet-dev and colloquial-dev with the
 * GloVe encoder (README, "Answer quality"); wordnet-test is only reported.
 */

/** Weight of the zero-shot cosine (phrase vs label vector) added to the head's logits. */
export const DEFAULT_COSINE_WEIGHT = 2;
/** Without a head, the cosine alone ranks labels; this temperature makes its softmax readable. */
export const ZERO_SHOT_TEMPERATURE = 10;
/** Added to probabilities before taking logs, so a class nobody voted for is not -Infinity. */
export const PROBABILITY_FLOOR = 1e-9;

/** How the head's distribution is blended with the trained phrases' votes. */
export interface BlendSettings {
  /** Nearest trained phrases that vote (see `phrase-memory.ts`). */
  readonly neighbours: number;
  /** Softmax temperature over their cosine similarities. */
  readonly temperature: number;
  /** Share of the neighbours' distribution in the blend with the head's. */
  readonly neighbourWeight: number;
  /**
   * Share of the relatives' distribution (affix relatives of the phrase's words and, in a longer
   * phrase, its words that were trained on) when there are any.
   */
  readonly relativeWeight: number;
  /** Share of a trained phrase's own target when it is asked again. */
  readonly selfWeight: number;
  /** Share of the morphology hints' vote (classes the candidates' hypernyms name), when any. */
  readonly hintWeight: number;
  /**
   * Share of the derived nouns' vote (the phrase's open candidates' nearest nouns derived from
   * trained words: see `derived-nouns.ts`), when there is one; and how that vote is taken.
   */
  readonly derivedWeight: number;
  readonly derivedNeighbours: number;
  readonly derivedTemperature: number;
}

export const BLEND: BlendSettings = {
  neighbours: 20,
  temperature: 0.05,
  neighbourWeight: 0.3,
  relativeWeight: 0.3,
  selfWeight: 0.7,
  hintWeight: 0.2,
  derivedWeight: 0.2,
  derivedNeighbours: 10,
  derivedTemperature: 0.05,
};

/** How morphology candidates (nouns derived from the phrase's words) enter the ranking. */
export interface CandidateSettings {
  /** Log-score bonus of a class one of whose labels is a candidate. */
  readonly bonus: number;
  /**
   * A candidate outside the classes (an open label) scores the best class's log-score plus
   * `offset`, plus `cosine` × its cosine to the phrase (when the encoder knows the word itself),
   * plus `quality` when it names a quality (saltiness, brevity: see {@link QUALITY_NOUN}).
   */
  readonly offset: number;
  readonly cosine: number;
  readonly quality: number;
  /** At most this many open labels are ranked (the best-scoring ones). */
  readonly maxOpen: number;
  /**
   * Open labels are lifted just above the class ranked here (1-based) when they score lower, so
   * the best of them stays near the top: chat-style phrases often name their attribute by such a
   * noun. 0 turns the lift off.
   */
  readonly floorClass: number;
  /** Added when the open label is a kind of (hyponym of) one of the `hyponymTop` best classes. */
  readonly hyponym: number;
  readonly hyponymTop: number;
  /** Leave out open labels that name no quality (salt for salty, snob for snobby). */
  readonly dropThings: boolean;
  /**
   * An open label that is first of all a kind of one of the `foldTop` best classes (tardiness →
   * timing) is folded into that class: the class is the attribute, the open label one of its
   * values. 0 turns folding off.
   */
  readonly foldTop: number;
  /**
   * The open labels left are shown as one, with their probabilities summed: nouns derived from one
   * word name one attribute (hazard, hazardousness). It is shown by the shortest (the root noun:
   * hazard) among those whose cosine to the phrase is above `shownCosine`, which needs a vector
   * of the word's own and keeps false roots out (defection for defective); by the best-scored
   * one when none is.
   */
  readonly mergeOpen: boolean;
  readonly shownCosine: number;
}

export const CANDIDATES: CandidateSettings = {
  bonus: 2,
  offset: -3,
  cosine: 2,
  quality: 2.5,
  maxOpen: 2,
  floorClass: 2,
  hyponym: 0.5,
  hyponymTop: 1,
  dropThings: true,
  foldTop: 2,
  mergeOpen: true,
  shownCosine: 0.1,
};

/** Nouns that name a quality of something rather than a thing. */
export const QUALITY_NOUN = /(ness|ity)$/;
