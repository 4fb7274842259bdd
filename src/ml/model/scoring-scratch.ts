import type { Int8Scores } from '../head/int8-scores.js';
import { REFINED } from './refine-scores.js';
import type { ScoringModel } from './scoring-model.js';

/**
 * The working arrays of one scoring call, reused from call to call so that scoring a phrase
 * allocates nothing proportional to the classes or the dimension. Every array is fully
 * rewritten (or cleared) by the call that uses it: what a call returns never depends on the
 * previous one. Not shared across threads; a call must copy out what it returns.
 */
export class ScoringScratch {
  /** The C×F feature matrix, then the open labels' rows (grown when a phrase has more). */
  features: Float32Array;
  /** Class scores, then the open labels' (the stacker's output). */
  scores: Float32Array;
  /** The centred unit phrase vector. */
  readonly u: Float32Array;
  /** Head logits, and cosines to the label vectors. */
  readonly logits: Float32Array;
  readonly cosines: Float32Array;
  /** Bounds on how far the int8 first pass's logits and cosines are from the float ones. */
  readonly logitBounds: Float32Array;
  readonly cosineBounds: Float32Array;
  /**
   * What the last call scored on the int8 first pass (null: exactly), for `refine-scores.ts` to
   * score the classes that could be among the best exactly: the head (its bias, and the log-sum-exp
   * its feature was shifted by) and the label vectors.
   */
  approximate: { head: Int8Scores | null; bias: Float32Array | null; lse: number; labels: Int8Scores | null } = { head: null, bias: null, lse: 0, labels: null };
  /** The nearest-phrase votes (one per neighbour count) and the relatives' vote. */
  readonly votes: readonly Float32Array[];
  readonly relatives: Float32Array;
  /** The best lower bounds of `refine-scores.ts`. */
  readonly lowers = new Float64Array(REFINED);
  /** Rows left out of a memory's neighbours (the phrase's own row, shadowed rows). */
  readonly skip = new Set<number>();

  constructor(
    readonly classes: number,
    readonly dim: number,
    voteCount: number,
    private readonly featureCount: number,
  ) {
    this.features = new Float32Array(classes * featureCount);
    this.scores = new Float32Array(classes);
    this.u = new Float32Array(dim);
    this.logits = new Float32Array(classes);
    this.cosines = new Float32Array(classes);
    this.logitBounds = new Float32Array(classes);
    this.cosineBounds = new Float32Array(classes);
    this.votes = Array.from({ length: voteCount }, () => new Float32Array(classes));
    this.relatives = new Float32Array(classes);
  }

  /** Makes room for the feature rows of `rows` candidates (classes, then open labels). */
  reserve(rows: number): void {
    if (this.features.length < rows * this.featureCount) this.features = new Float32Array(rows * this.featureCount);
  }

  /** Feature rows `[from, to)`, zeroed (room for them reserved first). */
  featureRows(to: number, from = 0): Float32Array {
    this.reserve(to);
    const f = this.features.subarray(from * this.featureCount, to * this.featureCount);
    f.fill(0);
    return f;
  }

  /** Room for `rows` scores. */
  scoreRows(rows: number): Float32Array {
    if (this.scores.length < rows) this.scores = new Float32Array(rows);
    return this.scores.subarray(0, rows);
  }
}

const scratches = new WeakMap<ScoringModel, ScoringScratch>();
/**
 * The scratch of a model (made on first use, freed with the model): a workspace, not state —
 * nothing a call returns depends on it.
 */
export function scratchFor(model: ScoringModel, dim: number, voteCount: number, featureCount: number): ScoringScratch {
  let s = scratches.get(model);
  if (s === undefined || s.classes !== model.labels.length || s.dim !== dim) {
    s = new ScoringScratch(model.labels.length, dim, voteCount, featureCount);
    scratches.set(model, s);
  }
  return s;
}
