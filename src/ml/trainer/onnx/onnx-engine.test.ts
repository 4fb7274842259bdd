import { describe, expect, it } from 'vitest';
import { TrainingError } from '../../../errors.js';
import { hardTargets, syntheticClusters } from '../synthetic-data.js';
import { trainHead } from '../train-head.js';
import { trainHeadInWorker } from '../worker/train-in-worker.js';

const data = syntheticClusters(600, 16, 6);
const input = { x: data.x, dim: 16, numClasses: 6, targets: hardTargets(data.labels) };

describe('training on onnxruntime', () => {
  it('follows the same losses and reaches the same weights as the tfjs (wasm) path', async () => {
    const losses = { onnx: [] as number[], wasm: [] as number[] };
    const onnx = await trainHead(input, { backend: 'onnx', maxEpochs: 8, onEpoch: (p) => losses.onnx.push(p.valLoss ?? NaN) });
    const wasm = await trainHead(input, { backend: 'wasm', maxEpochs: 8, onEpoch: (p) => losses.wasm.push(p.valLoss ?? NaN) });
    expect(onnx).toMatchObject({ backend: 'onnx', device: 'CPU (onnxruntime)', epochs: wasm.epochs, bestEpoch: wasm.bestEpoch });
    losses.onnx.forEach((l, i) => expect(l).toBeCloseTo(losses.wasm[i]!, 3));
    onnx.weights.forEach((w, i) => expect(w).toBeCloseTo(wasm.weights[i]!, 2));
    expect(Array.from(onnx.validationIndices)).toEqual(Array.from(wasm.validationIndices));
  });

  it('is repeatable for a seed, stops early by the same rule and honours an abort', async () => {
    const a = await trainHead(input, { backend: 'onnx', maxEpochs: 4, seed: 3 });
    const b = await trainHead(input, { backend: 'onnx', maxEpochs: 4, seed: 3 });
    expect(Array.from(a.weights)).toEqual(Array.from(b.weights));
    const early = await trainHead(input, { backend: 'onnx', maxEpochs: 200, patience: 2, minDelta: 10 });
    expect(early.epochs).toBe(3);
    expect(early.bestEpoch).toBe(1);
    const controller = new AbortController();
    controller.abort();
    await expect(trainHead(input, { backend: 'onnx', signal: controller.signal })).rejects.toThrow(TrainingError);
  });

  it('runs in the training worker thread', async () => {
    const result = await trainHeadInWorker(input, { backend: 'onnx', maxEpochs: 3 });
    expect(result.backend).toBe('onnx');
    expect(result.weights).toHaveLength(16 * 6);
  });
});
