import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, it } from 'vitest';
import { createRandom, normalSamples } from '../prng.js';
import { Adam } from './adam.js';

describe('Adam on host arrays', () => {
  it('takes the same steps as tf.train.adam, L2 included', async () => {
    await tf.setBackend('cpu');
    const random = createRandom(8);
    const start = normalSamples(7, 1, random);
    const grads = Array.from({ length: 5 }, () => normalSamples(7, 1, random));
    const l2 = 0.01;
    const variable = tf.variable(tf.tensor1d(start));
    const optimizer = tf.train.adam(0.05);
    const host = Float32Array.from(start);
    const adam = new Adam(7, 0.05);
    for (const g of grads) {
      tf.tidy(() => optimizer.applyGradients({ [variable.name]: tf.add(tf.tensor1d(g), tf.mul(variable, l2)) }));
      adam.step(host, g, l2);
    }
    const want = await variable.data();
    Array.from(host).forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 5));
    tf.dispose(variable);
    optimizer.dispose();
  });
});
