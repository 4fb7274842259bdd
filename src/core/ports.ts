/**
 * Ports: the interfaces the platform-neutral core needs from the outside world. Adapters,
 * storage and ML implementations live elsewhere and implement these.
 */

/** Turns phrases into fixed-size vectors. Implementations batch internally. */
export interface Encoder {
  /** Identifies model, pooling and dtype, e.g. `bert:Xenova/bert-base-uncased:cls:fp32`. */
  readonly id: string;
  readonly dim: number;
  /** One vector per phrase, in order. */
  encode(phrases: readonly string[]): Promise<Float32Array[]>;
  /** Words of a phrase the encoder has no vector for (empty for sub-word encoders). */
  oov?(phrase: string): string[];
  dispose?(): Promise<void>;
}
