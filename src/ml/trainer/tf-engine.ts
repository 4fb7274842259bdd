import * as tf from '@tensorflow/tfjs-core';
import { BatchBuilder, disposeBatch } from './batches.js';
import { throwIfAborted, type EngineInput, type TrainEngine } from './engine.js';
import { evaluateLoss, productsFor, trainStep, type BatchTensors, type LinearParams } from './linear-step.js';

/** A {@link TrainEngine} on the active tfjs backend: tf.train.adam and the hand-written gradient of linear-step.ts. */
export function tfEngine({ data, settings, init, signal }: EngineInput): TrainEngine {
  // tidy frees the initial tensors; the variables share their data and are kept.
  const params: LinearParams = tf.tidy(() => ({
    w: tf.variable(tf.tensor2d(init, [data.numClasses, data.dim])),
    b: tf.variable(tf.zeros<tf.Rank.R1>([data.numClasses])),
  }));
  const optimizer = tf.train.adam(settings.learningRate);
  const products = productsFor(tf.getBackend());
  const builder = new BatchBuilder(data, Math.min(settings.batchSize, data.count));
  let kept: { w: tf.Tensor2D; b: tf.Tensor1D } | undefined;

  /**
   * Runs `step` on consecutive batches of `order` and averages the losses it returns by batch
   * weight. The sum stays on the backend so GPUs are not synchronised once per batch.
   */
  async function forEachBatch(order: Int32Array, step: (batch: BatchTensors) => tf.Scalar): Promise<number> {
    const size = settings.batchSize;
    let sum: tf.Scalar = tf.scalar(0);
    let weight = 0;
    try {
      for (let start = 0; start < order.length; start += size) {
        throwIfAborted(signal);
        const built = builder.build(order, start, Math.min(start + size, order.length));
        if (built === undefined) continue;
        try {
          const loss = step(built.tensors);
          const next = tf.tidy<tf.Scalar>(() => tf.add(sum, tf.mul(loss, built.totalWeight)));
          tf.dispose([sum, loss]);
          sum = next;
          weight += built.totalWeight;
        } finally {
          disposeBatch(built.tensors);
        }
      }
      return weight > 0 ? (await sum.data())[0]! / weight : Number.NaN;
    } finally {
      sum.dispose();
    }
  }

  return {
    trainEpoch: (order) => forEachBatch(order, (batch) => trainStep(params, optimizer, batch, settings.l2, products)),
    evaluate: (indices) => forEachBatch(indices, (batch) => evaluateLoss(params, batch, products)),
    keepBest() {
      if (kept !== undefined) tf.dispose([kept.w, kept.b]);
      kept = { w: tf.clone(params.w), b: tf.clone(params.b) };
    },
    async best() {
      const chosen = kept ?? params;
      return { weights: Float32Array.from(await chosen.w.data()), bias: Float32Array.from(await chosen.b.data()) };
    },
    dispose() {
      tf.dispose([params.w, params.b]);
      if (kept !== undefined) tf.dispose([kept.w, kept.b]);
      optimizer.dispose();
      return Promise.resolve();
    },
  };
}
