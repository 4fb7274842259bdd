import * as tf from '@tensorflow/tfjs-core';
import { TrainingError } from '../../errors.js';
import { selectBackend } from './backend.js';
import { BatchBuilder, disposeBatch } from './batches.js';
import { evaluateLoss, productsFor, trainStep, type BatchTensors, type LinearParams, type Products } from './linear-step.js';
import { createRandom, normalSamples, shuffleInPlace } from './prng.js';
import { resolveSettings, type ResolvedSettings } from './settings.js';
import { splitTrainValidation } from './split.js';
import { toTrainingData } from './train-data.js';
import type { TrainHeadInput, TrainHeadOptions, TrainHeadResult, TrainingData } from './train-types.js';

/** Streams of the seeded generator, one per purpose, so changing one use never shifts another. */
const STREAM = { split: 0, init: 1, shuffle: 2 } as const;
const INIT_STD = 0.01;

/**
 * Trains a linear softmax head on soft targets: weighted cross-entropy, Adam, L2 on the weights,
 * shuffled mini-batches and early stopping on a seeded validation split. Returns the weights of
 * the best epoch on validation (on training loss when there is no validation split).
 *
 * Runs on the caller's thread: use `trainHeadInWorker` to keep an event loop responsive.
 *
 * @throws {TrainingError} on invalid data or options, an unusable backend, divergence or abort.
 */
export async function trainHead(input: TrainHeadInput, options: TrainHeadOptions = {}): Promise<TrainHeadResult> {
  const settings = resolveSettings(options);
  const data = toTrainingData(input);
  const { backend, device, skipped } = await selectBackend(settings.backend);
  const started = performance.now();
  const split = splitTrainValidation(data.count, settings.validationFraction, createRandom(settings.seed, STREAM.split), data.keepInTraining);
  if (weightOf(data, split.train) === 0) {
    throw new TrainingError('training.no_data', 'Every training example has a sample weight of 0, so there is nothing to learn from.');
  }
  // A validation split whose weights are all 0 measures nothing: monitor training loss instead.
  const validation = weightOf(data, split.validation) > 0 ? split.validation : new Int32Array(0);
  const params = initParams(data, settings.seed);
  const optimizer = tf.train.adam(settings.learningRate);
  const ctx: EpochContext = {
    params,
    optimizer,
    settings,
    products: productsFor(tf.getBackend()),
    builder: new BatchBuilder(data, Math.min(settings.batchSize, data.count)),
    signal: options.signal,
  };
  const shuffle = createRandom(settings.seed, STREAM.shuffle);
  let best: { w: tf.Tensor2D; b: tf.Tensor1D; loss: number; trainLoss: number; valLoss: number | null; epoch: number } | undefined;
  let epoch = 0;
  try {
    while (epoch < settings.maxEpochs) {
      epoch++;
      const trainLoss = await runEpoch(ctx, shuffleInPlace(split.train.slice(), shuffle));
      const valLoss = validation.length > 0 ? await evaluate(ctx, validation) : null;
      if (!Number.isFinite(trainLoss) || (valLoss !== null && !Number.isFinite(valLoss))) {
        throw new TrainingError('training.failed', `Training diverged at epoch ${epoch} (the loss is not finite); try a lower learning rate.`);
      }
      const monitored = valLoss ?? trainLoss;
      if (best === undefined || monitored < best.loss - settings.minDelta) {
        if (best !== undefined) tf.dispose([best.w, best.b]);
        best = { w: tf.clone(params.w), b: tf.clone(params.b), loss: monitored, trainLoss, valLoss, epoch };
      }
      const seconds = (performance.now() - started) / 1000;
      options.onEpoch?.({
        epoch,
        maxEpochs: settings.maxEpochs,
        trainLoss,
        valLoss,
        bestLoss: best.loss,
        bestEpoch: best.epoch,
        seconds,
        examplesPerSecond: (epoch * split.train.length) / seconds,
      });
      if (epoch - best.epoch >= settings.patience) break;
      // Lets an in-process caller's timers, progress output and abort signals run between epochs.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    const trainSeconds = (performance.now() - started) / 1000;
    // maxEpochs ≥ 1, so at least one epoch ran and set `best`.
    const chosen = best!;
    return {
      weights: Float32Array.from(await chosen.w.data()),
      bias: Float32Array.from(await chosen.b.data()),
      dim: data.dim,
      numClasses: data.numClasses,
      backend,
      device,
      skippedBackends: skipped,
      epochs: epoch,
      bestEpoch: chosen.epoch,
      bestValLoss: chosen.valLoss,
      trainLoss: chosen.trainLoss,
      trainSeconds,
      examplesPerSecond: (epoch * split.train.length) / trainSeconds,
      validationIndices: split.validation,
    };
  } finally {
    tf.dispose([params.w, params.b]);
    if (best !== undefined) tf.dispose([best.w, best.b]);
    optimizer.dispose();
  }
}

interface EpochContext {
  readonly params: LinearParams;
  readonly optimizer: tf.Optimizer;
  readonly settings: ResolvedSettings;
  readonly products: Products;
  readonly builder: BatchBuilder;
  readonly signal: AbortSignal | undefined;
}

function weightOf(data: TrainingData, indices: Int32Array): number {
  if (data.sampleWeights === undefined) return indices.length;
  let sum = 0;
  for (const i of indices) sum += data.sampleWeights[i]!;
  return sum;
}

function initParams(data: TrainingData, seed: number): LinearParams {
  const init = normalSamples(data.numClasses * data.dim, INIT_STD, createRandom(seed, STREAM.init));
  // tidy frees the initial tensors; the variables share their data and are kept.
  return tf.tidy(() => ({
    w: tf.variable(tf.tensor2d(init, [data.numClasses, data.dim])),
    b: tf.variable(tf.zeros<tf.Rank.R1>([data.numClasses])),
  }));
}

/** One pass over `order`; returns the mean weighted training loss. */
async function runEpoch(ctx: EpochContext, order: Int32Array): Promise<number> {
  return forEachBatch(ctx, order, (batch) => trainStep(ctx.params, ctx.optimizer, batch, ctx.settings.l2, ctx.products));
}

async function evaluate(ctx: EpochContext, indices: Int32Array): Promise<number> {
  return forEachBatch(ctx, indices, (batch) => evaluateLoss(ctx.params, batch, ctx.products));
}

/**
 * Runs `step` on consecutive batches of `order` and averages the losses it returns by batch
 * weight. The sum stays on the backend so GPUs are not synchronised once per batch.
 */
async function forEachBatch(ctx: EpochContext, order: Int32Array, step: (batch: BatchTensors) => tf.Scalar): Promise<number> {
  const size = ctx.settings.batchSize;
  let sum: tf.Scalar = tf.scalar(0);
  let weight = 0;
  try {
    for (let start = 0; start < order.length; start += size) {
      if (ctx.signal?.aborted === true) throw new TrainingError('training.failed', 'Training was cancelled.', { cause: ctx.signal.reason });
      const built = ctx.builder.build(order, start, Math.min(start + size, order.length));
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
