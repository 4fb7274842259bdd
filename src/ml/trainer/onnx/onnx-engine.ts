/**
 * A {@link TrainEngine} on onnxruntime's CPU kernels: the forward pass and both gradient GEMMs of
 * a batch run as one ONNX graph (grad-graph.ts) with every core as intra-op threads, and Adam runs
 * on the host (adam.ts). MLAS's blocked AVX2/AVX-512 GEMMs are several times tfjs-wasm's here.
 */
import { availableParallelism } from 'node:os';
import type * as OrtModule from 'onnxruntime-node';
import { BatchBuilder, type HostBatch } from '../batches.js';
import { throwIfAborted, type EngineInput, type TrainEngine } from '../engine.js';
import { Adam } from './adam.js';
import { gradGraphBytes } from './grad-graph.js';

type Ort = typeof OrtModule;
type Session = Awaited<ReturnType<Ort['InferenceSession']['create']>>;

/** Loads onnxruntime-node, or throws saying why (the backend is then skipped or refused). */
export async function loadOrt(): Promise<Ort> {
  return import('onnxruntime-node');
}

/** Builds the engine: two sessions (step and loss-only) for this head's shape. */
export async function onnxEngine({ data, settings, init, signal }: EngineInput): Promise<TrainEngine> {
  const ort = await loadOrt();
  const options = { intraOpNumThreads: availableParallelism(), interOpNumThreads: 1, executionMode: 'sequential', graphOptimizationLevel: 'all' } as const;
  const [stepSession, lossSession] = await Promise.all([
    ort.InferenceSession.create(gradGraphBytes(data.dim, data.numClasses), options),
    ort.InferenceSession.create(gradGraphBytes(data.dim, data.numClasses, true), options),
  ]);
  const { dim, numClasses } = data;
  const w = Float32Array.from(init);
  const b = new Float32Array(numClasses);
  const keptW = new Float32Array(w.length);
  const keptB = new Float32Array(numClasses);
  const adamW = new Adam(w.length, settings.learningRate);
  const adamB = new Adam(b.length, settings.learningRate);
  const builder = new BatchBuilder(data, Math.min(settings.batchSize, data.count));
  const params = { W: new ort.Tensor('float32', w, [numClasses, dim]), b: new ort.Tensor('float32', b, [numClasses]) };

  const feeds = (batch: HostBatch) => ({
    x: new ort.Tensor('float32', batch.x, [batch.size, dim]),
    t: new ort.Tensor('float32', batch.targets, [batch.size, numClasses]),
    w: new ort.Tensor('float32', batch.weights, [batch.size]),
    ...params,
  });

  async function forEachBatch(order: Int32Array, session: Session, update: boolean): Promise<number> {
    let sum = 0;
    let weight = 0;
    for (let start = 0; start < order.length; start += settings.batchSize) {
      throwIfAborted(signal);
      const batch = builder.gather(order, start, Math.min(start + settings.batchSize, order.length));
      if (batch === undefined) continue;
      const out = await session.run(feeds(batch));
      sum += (out.loss!.data as Float32Array)[0]! * batch.totalWeight;
      weight += batch.totalWeight;
      if (update) {
        // The tensors wrap `w` and `b` themselves, so updating them in place updates the next feed.
        adamW.step(w, out.dW!.data as Float32Array, settings.l2);
        adamB.step(b, out.db!.data as Float32Array);
      }
      for (const t of Object.values(out)) t.dispose();
    }
    return weight > 0 ? sum / weight : Number.NaN;
  }

  return {
    trainEpoch: (order) => forEachBatch(order, stepSession, true),
    evaluate: (indices) => forEachBatch(indices, lossSession, false),
    keepBest() {
      keptW.set(w);
      keptB.set(b);
    },
    best: () => Promise.resolve({ weights: keptW.slice(), bias: keptB.slice() }),
    async dispose() {
      await Promise.all([stepSession.release(), lossSession.release()]);
    },
  };
}
