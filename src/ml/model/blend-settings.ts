/**
 * The scorer's hyperparameters that are not fitted (its feature weights are: `stacker.ts`).
 */

/** Weight of the cosine in models stored before the scorer's weights were fitted. */
export const DEFAULT_COSINE_WEIGHT = 2;
/** Without a head, the cosine alone ranks labels; this temperature makes its softmax readable. */
export const ZERO_SHOT_TEMPERATURE = 10;

/** How the derived nouns' vote is taken (see `derived-nouns.ts`). */
export interface BlendSettings {
  /** Nearest derived nouns that vote for each of a phrase's own candidate nouns. */
  readonly derivedNeighbours: number;
  /** Infinity: the neighbours vote equally (no temperature on the encoder's cosine scale). */
  readonly derivedTemperature: number;
}

export const BLEND: BlendSettings = {
  derivedNeighbours: 10,
  derivedTemperature: Number.POSITIVE_INFINITY,
};
