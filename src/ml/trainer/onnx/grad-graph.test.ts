import * as ort from 'onnxruntime-node';
import { describe, expect, it } from 'vitest';
import { createRandom, normalSamples } from '../prng.js';
import { gradGraphBytes } from './grad-graph.js';

/** The plain reference: weighted cross-entropy of softmax(x·Wᵀ + b) and its gradients, in float64. */
function reference(x: Float32Array, t: Float32Array, w: Float32Array, W: Float32Array, b: Float32Array, B: number, D: number, C: number) {
  let loss = 0;
  const dW = new Float64Array(C * D);
  const db = new Float64Array(C);
  for (let i = 0; i < B; i++) {
    const z = Array.from({ length: C }, (_, c) => b[c]! + Array.from({ length: D }, (_, d) => W[c * D + d]! * x[i * D + d]!).reduce((a, v) => a + v, 0));
    const max = Math.max(...z);
    const lse = max + Math.log(z.reduce((a, v) => a + Math.exp(v - max), 0));
    for (let c = 0; c < C; c++) {
      loss -= w[i]! * t[i * C + c]! * (z[c]! - lse);
      const g = (Math.exp(z[c]! - lse) - t[i * C + c]!) * w[i]!;
      db[c]! += g;
      for (let d = 0; d < D; d++) dW[c * D + d]! += g * x[i * D + d]!;
    }
  }
  return { loss, dW, db };
}

describe('the ONNX training-step graph', () => {
  it('computes the weighted cross-entropy and its exact gradients', async () => {
    const [B, D, C] = [5, 6, 4];
    const random = createRandom(3);
    const x = normalSamples(B * D, 1, random);
    const W = normalSamples(C * D, 0.5, random);
    const b = normalSamples(C, 0.5, random);
    const t = new Float32Array(B * C);
    for (let i = 0; i < B; i++) {
      t[i * C + (i % C)] = 0.75;
      t[i * C + ((i + 1) % C)] = 0.25;
    }
    const w = Float32Array.from([0.1, 0.3, 0.2, 0.25, 0.15]);
    const session = await ort.InferenceSession.create(gradGraphBytes(D, C));
    const f = (data: Float32Array, dims: number[]) => new ort.Tensor('float32', data, dims);
    const out = await session.run({ x: f(x, [B, D]), t: f(t, [B, C]), w: f(w, [B]), W: f(W, [C, D]), b: f(b, [C]) });
    const want = reference(x, t, w, W, b, B, D, C);
    expect((out.loss?.data as Float32Array)[0]).toBeCloseTo(want.loss, 5);
    Array.from(out.dW?.data as Float32Array).forEach((v, i) => expect(v).toBeCloseTo(want.dW[i]!, 5));
    Array.from(out.db?.data as Float32Array).forEach((v, i) => expect(v).toBeCloseTo(want.db[i]!, 5));
    const lossOnly = await ort.InferenceSession.create(gradGraphBytes(D, C, true));
    const loss = await lossOnly.run({ x: f(x, [B, D]), t: f(t, [B, C]), w: f(w, [B]), W: f(W, [C, D]), b: f(b, [C]) });
    expect(Object.keys(loss)).toEqual(['loss']);
    expect((loss.loss?.data as Float32Array)[0]).toBeCloseTo(want.loss, 5);
    await Promise.all([session.release(), lossOnly.release()]);
  });
});
