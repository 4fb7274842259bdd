import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ModelError } from '../../errors.js';
import { createRandom, normalSamples } from '../trainer/prng.js';
import type { LinearHeadWeights } from './linear-head.js';
import { decodeHead, encodeHead } from './weights-format.js';

// Only to compare layouts with tfjs; production mode keeps its install-tfjs-node banner quiet.
tf.enableProdMode();

function sampleHead(dim = 5, numClasses = 3): LinearHeadWeights {
  const random = createRandom(11);
  return { weights: normalSamples(dim * numClasses, 1, random), bias: normalSamples(numClasses, 1, random), dim, numClasses };
}

/** Byte offset of the weight data: after the 12-byte prefix and the header. */
function dataOffset(buffer: Buffer): number {
  return 12 + buffer.readUInt32LE(8);
}

describe('encodeHead / decodeHead', () => {
  it('round-trips weights, labels and metadata', () => {
    const head = sampleHead();
    const buffer = encodeHead(head, { labels: ['size', 'colour', 'age'], metadata: { encoderId: 'glove:100', runId: 7 } });
    const back = decodeHead(buffer);
    expect(back.dim).toBe(5);
    expect(back.numClasses).toBe(3);
    expect(Array.from(back.weights)).toEqual(Array.from(head.weights));
    expect(Array.from(back.bias)).toEqual(Array.from(head.bias));
    expect(back.labels).toEqual(['size', 'colour', 'age']);
    expect(back.metadata).toEqual({ encoderId: 'glove:100', runId: 7 });
    expect(back.formatVersion).toBe(1);
  });

  it('stores the data exactly as tf.io.encodeWeights lays it out', async () => {
    const head = sampleHead();
    const buffer = encodeHead(head);
    const tensors = [tf.tensor2d(head.weights, [3, 5]), tf.tensor1d(head.bias)];
    const encoded = await tf.io.encodeWeights([
      { name: 'a', tensor: tensors[0]! },
      { name: 'b', tensor: tensors[1]! },
    ]);
    tf.dispose(tensors);
    const data = buffer.subarray(dataOffset(buffer));
    expect(Buffer.compare(data, Buffer.from(encoded.data))).toBe(0);
  });

  it('decodes from an unaligned view into a larger buffer', () => {
    const encoded = encodeHead(sampleHead());
    const host = Buffer.alloc(encoded.length + 3);
    encoded.copy(host, 3);
    const view = host.subarray(3);
    expect(view.byteOffset % 4).not.toBe(0);
    const back = decodeHead(view);
    expect(Array.from(back.bias)).toEqual(Array.from(sampleHead().bias));
  });

  it('finds arrays by shape, whatever their names, and accepts an input-major kernel', () => {
    const head = sampleHead(4, 2);
    const buffer = encodeHead(head);
    const headerLength = buffer.readUInt32LE(8);
    const header = JSON.parse(buffer.subarray(12, 12 + headerLength).toString('utf8')) as Record<string, unknown>;
    // Rewrite as a tfjs Dense layer would store it: bias first, kernel D×C, generated names.
    const kernel = new Float32Array(8);
    for (let c = 0; c < 2; c++) for (let d = 0; d < 4; d++) kernel[d * 2 + c] = head.weights[c * 4 + d]!;
    const data = Buffer.concat([Buffer.from(head.bias.buffer), Buffer.from(kernel.buffer)]);
    header.weightSpecs = [
      { name: 'dense_Dense3/bias', shape: [2], dtype: 'float32' },
      { name: 'dense_Dense3/kernel', shape: [4, 2], dtype: 'float32' },
    ];
    header.crc32 = crc32(data);
    const json = Buffer.from(JSON.stringify(header));
    const prefix = Buffer.alloc(12);
    buffer.copy(prefix, 0, 0, 8);
    prefix.writeUInt32LE(json.length, 8);
    const back = decodeHead(Buffer.concat([prefix, json, data]));
    expect(Array.from(back.weights)).toEqual(Array.from(head.weights));
    expect(Array.from(back.bias)).toEqual(Array.from(head.bias));
  });

  it('rejects a corrupt header, a bad marker, truncated data and flipped bits with a clear ModelError', () => {
    const good = encodeHead(sampleHead());
    const badJson = Buffer.from(good);
    badJson.write('{', 12 + 10, 'latin1');
    expect(() => decodeHead(badJson)).toThrow(ModelError);
    expect(() => decodeHead(badJson)).toThrow(/cannot be read: its header is not valid JSON/);

    const badMagic = Buffer.from(good);
    badMagic[0] = 0x58;
    expect(() => decodeHead(badMagic)).toThrow(/format marker/);

    expect(() => decodeHead(good.subarray(0, good.length - 4))).toThrow(/bytes of weights/);

    const flipped = Buffer.from(good);
    flipped[dataOffset(good) + 2]! ^= 0xff;
    expect(() => decodeHead(flipped)).toThrow(/checksum/);

    const hugeLength = Buffer.from(good);
    hugeLength.writeUInt32LE(1e9, 8);
    expect(() => decodeHead(hugeLength)).toThrow(/header is cut off/);
  });

  it('rejects labels that do not match the classes', () => {
    expect(() => encodeHead(sampleHead(), { labels: ['a'] })).toThrow(/1 labels were given for a head of 3 classes/);
  });
});
