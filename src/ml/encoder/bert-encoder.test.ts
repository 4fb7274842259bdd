import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Encoder } from '../../core/ports.js';
import { ModelError } from '../../errors.js';
import { dimsOf, generateBert, tinyBert, vocabOf } from '../../../test/support/bert-generator/generate-bert.js';
import { referenceForward, referenceTokenize } from '../../../test/support/bert-generator/reference-forward.js';
import { makeBertWeights } from '../../../test/support/bert-generator/weights.js';
import { loadBertEncoder, type BertEncoderOptions } from './bert-encoder.js';

const SEED = 7;
const PHRASES = ['very chonky dogs', 'a', 'The big red house, near the river!'];

let root: string;
let modelDir: string;
let cls: Encoder;
let mean: Encoder;

const options = (extra: Partial<BertEncoderOptions>): BertEncoderOptions => ({
  model: 'Xenova/bert-base-uncased',
  cacheDir: path.join(root, 'cache'),
  pooling: 'cls',
  dtype: 'fp32',
  allowRemote: false,
  threads: 1,
  ...extra,
});

/** The reference `last_hidden_state` rows of one unpadded phrase. */
function reference(phrase: string): { rows: Float64Array; length: number } {
  const dims = dimsOf(tinyBert);
  const ids = referenceTokenize(vocabOf(tinyBert), phrase);
  return { rows: referenceForward(makeBertWeights(dims, SEED), dims, ids), length: ids.length };
}

function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).toBe(b.length);
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs((a[i] ?? NaN) - (b[i] ?? NaN)));
  return max;
}

async function expectUnavailable(promise: Promise<unknown>, ...fragments: string[]): Promise<void> {
  const err: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ModelError);
  expect((err as ModelError).code).toBe('encoder.unavailable');
  for (const f of fragments) expect((err as ModelError).message).toContain(f);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'attribot-bert-'));
  modelDir = path.join(root, 'tiny-bert');
  await generateBert(modelDir, tinyBert, SEED);
  cls = await loadBertEncoder(options({ modelDir, pooling: 'cls' }));
  mean = await loadBertEncoder(options({ modelDir, pooling: 'mean', batchSize: 2 }));
});

afterAll(async () => {
  await cls?.dispose?.();
  await mean?.dispose?.();
  if (root) await rm(root, { recursive: true, force: true });
});

describe('loadBertEncoder', () => {
  it('encodes each phrase of a padded batch to its [CLS] vector, matching the reference forward pass', async () => {
    const vectors = await cls.encode(PHRASES);
    expect(cls.dim).toBe(tinyBert.hidden);
    expect(vectors).toHaveLength(PHRASES.length);
    PHRASES.forEach((phrase, i) => {
      const v = vectors[i] as Float32Array;
      expect(v).toHaveLength(tinyBert.hidden);
      expect(maxAbsDiff(v, reference(phrase).rows.subarray(0, tinyBert.hidden))).toBeLessThan(1e-4);
    });
    // The check means something only if the phrases' vectors clearly differ.
    expect(maxAbsDiff(vectors[0] as Float32Array, vectors[1] as Float32Array)).toBeGreaterThan(0.05);
  });

  it('mean-pools over real tokens only, so padding does not change a phrase vector', async () => {
    const [alone] = await mean.encode(['a']);
    const [padded] = await mean.encode(['a', 'a much longer phrase here']);
    expect(maxAbsDiff(alone as Float32Array, padded as Float32Array)).toBeLessThan(1e-5);

    const { rows, length } = reference('a');
    const expected = Array.from({ length: tinyBert.hidden }, (_, i) => {
      let sum = 0;
      for (let t = 0; t < length; t++) sum += rows[t * tinyBert.hidden + i] ?? NaN;
      return sum / length;
    });
    expect(maxAbsDiff(alone as Float32Array, expected)).toBeLessThan(1e-4);
  });

  it('returns vectors in input order across several length-sorted batches', async () => {
    const phrases = ['the big dog', 'a', 'very soft and fluffy dogs here', 'red', 'chonky'];
    const batched = await mean.encode(phrases); // batchSize 2: three batches
    for (const [i, phrase] of phrases.entries()) {
      const [single] = await mean.encode([phrase]);
      expect(maxAbsDiff(batched[i] as Float32Array, single as Float32Array)).toBeLessThan(1e-5);
    }
    expect(await mean.encode([])).toEqual([]);
  });

  it('records model, pooling and dtype in the id', () => {
    expect(cls.id).toMatch(/^bert:dir:tiny-bert-[0-9a-f]{8}:cls:fp32$/);
    expect(mean.id).toMatch(/^bert:dir:tiny-bert-[0-9a-f]{8}:mean:fp32$/);
    expect(cls.id).not.toBe(mean.id);
  });

  it('loads the q8 model of the same weights, giving nearly the same vectors', async () => {
    const q8Dir = path.join(root, 'tiny-bert-q8');
    await generateBert(q8Dir, tinyBert, SEED, { q8: true });
    const q8 = await loadBertEncoder(options({ modelDir: q8Dir, dtype: 'q8' }));
    try {
      expect(q8.id).toMatch(/:cls:q8$/);
      const exact = await cls.encode(PHRASES);
      const quantized = await q8.encode(PHRASES);
      // Int8 rounding moves values by ~0.01 here; different phrases differ by > 0.2.
      PHRASES.forEach((_, i) => {
        expect(maxAbsDiff(exact[i] as Float32Array, quantized[i] as Float32Array)).toBeLessThan(0.05);
      });
      expect(maxAbsDiff(quantized[0] as Float32Array, quantized[1] as Float32Array)).toBeGreaterThan(0.1);
    } finally {
      await q8.dispose?.();
    }
  });

  it('names MODEL_DIR when the directory is missing', async () => {
    const missing = path.join(root, 'no-such-model');
    await expectUnavailable(loadBertEncoder(options({ modelDir: missing })), `MODEL_DIR=${missing}`, 'ENCODER=glove');
  });

  it('names the missing model file of the requested dtype', async () => {
    await expectUnavailable(loadBertEncoder(options({ modelDir, dtype: 'q8' })), 'onnx/model_quantized.onnx', 'BERT_DTYPE=fp32');
  });

  it('says what to set when a Hugging Face model is not cached and downloads are off', async () => {
    await expectUnavailable(
      loadBertEncoder(options({ model: 'Xenova/bert-base-uncased', allowRemote: false })),
      'BERT_MODEL=Xenova/bert-base-uncased',
      'ALLOW_REMOTE_MODELS',
      'MODEL_DIR',
      'ENCODER=glove',
    );
  });
});

describe('loadBertEncoder with a Hugging Face model id', () => {
  it('downloads the model once into cacheDir with progress, then loads it offline from there', async () => {
    // A stand-in for the Hub, serving the tiny model at /<id>/resolve/main/<file>.
    const server = createServer((req, res) => {
      const file = /^\/test-org\/tiny-bert\/resolve\/main\/(.+)$/.exec(req.url ?? '')?.[1];
      const full = file === undefined ? undefined : path.join(modelDir, decodeURIComponent(file));
      void (async () => {
        const size = full === undefined ? undefined : await stat(full).then((s) => s.size, () => undefined);
        if (full === undefined || size === undefined) {
          res.writeHead(404).end();
          return;
        }
        res.writeHead(200, { 'content-length': size });
        if (req.method === 'HEAD') res.end();
        else createReadStream(full).pipe(res);
      })();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const previousHost = env.remoteHost;
    env.remoteHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const cacheDir = path.join(root, 'hub-cache');
    try {
      const files = new Set<string>();
      const online = await loadBertEncoder(
        options({ model: 'test-org/tiny-bert', cacheDir, allowRemote: true, onProgress: (p) => files.add(p.file) }),
      );
      expect(online.id).toBe('bert:test-org/tiny-bert:cls:fp32');
      expect(files).toContain('onnx/model.onnx');
      const [downloaded] = await online.encode(['very chonky dogs']);
      await online.dispose?.();

      server.close();
      const offline = await loadBertEncoder(options({ model: 'test-org/tiny-bert', cacheDir, allowRemote: false }));
      const [cached] = await offline.encode(['very chonky dogs']);
      await offline.dispose?.();
      expect(maxAbsDiff(downloaded as Float32Array, cached as Float32Array)).toBe(0);
    } finally {
      env.remoteHost = previousHost;
      server.close();
    }
  });
});
