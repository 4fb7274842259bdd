import * as tf from '@tensorflow/tfjs-core';
import type { BatchTensors } from './linear-step.js';
import type { TrainingData } from './train-types.js';

/** One gathered batch on the host; the arrays are views of reused buffers, valid until the next gather. */
export interface HostBatch {
  readonly size: number;
  readonly x: Float32Array;
  readonly targets: Float32Array;
  readonly weights: Float32Array;
  readonly totalWeight: number;
}

/**
 * Gathers mini-batches on the host (rows of x, dense soft targets, normalised weights) into
 * reused buffers and uploads them. Reuse is safe because every batch's tensors are disposed
 * before the next batch is gathered.
 */
export class BatchBuilder {
  private readonly x: Float32Array;
  private readonly targets: Float32Array;
  private readonly weights: Float32Array;

  constructor(
    private readonly data: TrainingData,
    private readonly capacity: number,
  ) {
    this.x = new Float32Array(capacity * data.dim);
    this.targets = new Float32Array(capacity * data.numClasses);
    this.weights = new Float32Array(capacity);
  }

  /**
   * Gathers examples `order[start..end)` into the reused host buffers (views of `size` rows), or
   * `undefined` when their weights are all zero. `weights` are normalised to sum to 1;
   * `totalWeight` is the batch's raw weight sum, for averaging losses across batches.
   */
  gather(order: Int32Array, start: number, end: number): HostBatch | undefined {
    const { dim, numClasses, targets: csr, sampleWeights } = this.data;
    const size = end - start;
    if (size > this.capacity) throw new RangeError(`batch of ${size} exceeds capacity ${this.capacity}`);
    this.targets.fill(0, 0, size * numClasses);
    let totalWeight = 0;
    for (let r = 0; r < size; r++) {
      const i = order[start + r]!;
      this.x.set(this.data.x.subarray(i * dim, (i + 1) * dim), r * dim);
      for (let k = csr.offsets[i]!; k < csr.offsets[i + 1]!; k++) {
        this.targets[r * numClasses + csr.classes[k]!] = csr.probs[k]!;
      }
      const w = sampleWeights?.[i] ?? 1;
      this.weights[r] = w;
      totalWeight += w;
    }
    if (!(totalWeight > 0)) return undefined;
    for (let r = 0; r < size; r++) this.weights[r] = this.weights[r]! / totalWeight;
    return {
      size,
      x: this.x.subarray(0, size * dim),
      targets: this.targets.subarray(0, size * numClasses),
      weights: this.weights.subarray(0, size),
      totalWeight,
    };
  }

  /** Tensors for examples `order[start..end)` (see {@link gather}), or `undefined` when their weights are all zero. */
  build(order: Int32Array, start: number, end: number): { tensors: BatchTensors; totalWeight: number } | undefined {
    const host = this.gather(order, start, end);
    if (host === undefined) return undefined;
    const { dim, numClasses } = this.data;
    const tensors: BatchTensors = {
      x: tf.tensor2d(host.x, [host.size, dim]),
      targets: tf.tensor2d(host.targets, [host.size, numClasses]),
      weights: tf.tensor1d(host.weights),
    };
    return { tensors, totalWeight: host.totalWeight };
  }
}

/** Frees a batch's tensors. */
export function disposeBatch(batch: BatchTensors): void {
  tf.dispose([batch.x, batch.targets, batch.weights]);
}
