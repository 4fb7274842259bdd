import { TrainingError } from '../../errors.js';
import { selectBackend } from './backend.js';
import type { TrainEngine } from './engine.js';
import { onnxEngine } from './onnx/onnx-engine.js';
import { createRandom, normalSamples, shuffleInPlace } from './prng.js';
import { resolveSettings } from './settings.js';
import { splitTrainValidation } from './split.js';
import { tfEngine } from './tf-engine.js';
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
  const init = normalSamples(data.numClasses * data.dim, INIT_STD, createRandom(settings.seed, STREAM.init));
  const engineInput = { data, settings, init, signal: options.signal };
  const engine: TrainEngine = backend === 'onnx' ? await onnxEngine(engineInput) : tfEngine(engineInput);
  const shuffle = createRandom(settings.seed, STREAM.shuffle);
  let best: { loss: number; trainLoss: number; valLoss: number | null; epoch: number } | undefined;
  let epoch = 0;
  try {
    while (epoch < settings.maxEpochs) {
      epoch++;
      const trainLoss = await engine.trainEpoch(shuffleInPlace(split.train.slice(), shuffle));
      const valLoss = validation.length > 0 ? await engine.evaluate(validation) : null;
      if (!Number.isFinite(trainLoss) || (valLoss !== null && !Number.isFinite(valLoss))) {
        throw new TrainingError('training.failed', `Training diverged at epoch ${epoch} (the loss is not finite); try a lower learning rate.`);
      }
      const monitored = valLoss ?? trainLoss;
      if (best === undefined || monitored < best.loss - settings.minDelta) {
        engine.keepBest();
        best = { loss: monitored, trainLoss, valLoss, epoch };
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
    const { weights, bias } = await engine.best();
    return {
      weights,
      bias,
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
    await engine.dispose();
  }
}

function weightOf(data: TrainingData, indices: Int32Array): number {
  if (data.sampleWeights === undefined) return indices.length;
  let sum = 0;
  for (const i of indices) sum += data.sampleWeights[i]!;
  return sum;
}
