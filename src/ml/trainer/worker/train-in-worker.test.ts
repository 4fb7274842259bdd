import { describe, expect, it } from 'vitest';
import { TrainingError } from '../../../errors.js';
import { hardTargets, syntheticClusters } from '../synthetic-data.js';
import type { EpochProgress } from '../train-types.js';
import { trainHeadInWorker } from './train-in-worker.js';

const data = (): ReturnType<typeof syntheticClusters> => syntheticClusters(300, 16, 4);

describe('trainHeadInWorker', () => {
  it('trains on a worker thread, forwarding progress and returning the weights', async () => {
    const d = data();
    const progress: EpochProgress[] = [];
    const result = await trainHeadInWorker(
      { x: d.x, dim: 16, numClasses: 4, targets: hardTargets(d.labels) },
      { backend: 'wasm', maxEpochs: 4, onEpoch: (p) => progress.push(p) },
    );
    expect(result).toMatchObject({ dim: 16, numClasses: 4, backend: 'wasm', epochs: 4 });
    expect(result.weights).toBeInstanceOf(Float32Array);
    expect(result.weights).toHaveLength(64);
    expect(progress.map((p) => p.epoch)).toEqual([1, 2, 3, 4]);
    // The caller's flat embeddings were moved to the worker, not copied.
    expect(d.x).toHaveLength(0);
  });

  it('copies instead of moving when transfer is off', async () => {
    const d = data();
    await trainHeadInWorker({ x: d.x, dim: 16, numClasses: 4, targets: hardTargets(d.labels) }, { backend: 'wasm', maxEpochs: 1, transfer: false });
    expect(d.x).toHaveLength(300 * 16);
  });

  it('turns a failure inside the worker into a TrainingError with the cause', async () => {
    const d = data();
    const run = trainHeadInWorker({ x: d.x, dim: 16, numClasses: 4, targets: hardTargets(d.labels) }, { backend: 'tensorflow' });
    await expect(run).rejects.toBeInstanceOf(TrainingError);
    const err = (await run.catch((e: unknown) => e)) as TrainingError;
    expect(err.code).toBe('training.failed');
    expect(err.message).toMatch(/"tensorflow" training backend is not usable/);
    expect(err.cause).toBeInstanceOf(Error);
    expect((err.cause as Error).name).toBe('TrainingError');
  });

  it('rejects invalid input before starting a thread', async () => {
    await expect(trainHeadInWorker({ x: [], numClasses: 2, targets: [] })).rejects.toMatchObject({ code: 'training.no_data' });
  });

  it('terminates the worker and rejects cleanly when aborted', async () => {
    const d = syntheticClusters(2000, 64, 20);
    const controller = new AbortController();
    const run = trainHeadInWorker(
      { x: d.x, dim: 64, numClasses: 20, targets: hardTargets(d.labels) },
      { backend: 'wasm', maxEpochs: 1000, patience: 1000, signal: controller.signal, onEpoch: () => controller.abort(new Error('shutdown')) },
    );
    await expect(run).rejects.toThrow(/Training was cancelled/);
    await expect(run).rejects.toMatchObject({ code: 'training.failed', cause: new Error('shutdown') });
  });

  it('rejects when the worker dies without answering', async () => {
    const entry = new URL('data:text/javascript,process.exit(3)');
    const d = data();
    await expect(trainHeadInWorker({ x: d.x, dim: 16, numClasses: 4, targets: hardTargets(d.labels) }, { entry })).rejects.toThrow(
      /training worker stopped unexpectedly \(exit code 3\)/,
    );
  });

  it('rejects when the worker throws outside the training code', async () => {
    const entry = new URL('data:text/javascript,throw new Error("boom")');
    const d = data();
    await expect(trainHeadInWorker({ x: d.x, dim: 16, numClasses: 4, targets: hardTargets(d.labels) }, { entry })).rejects.toThrow(
      /training worker crashed: boom/,
    );
  });
});
