/**
 * `npm run bench:predict`: latency of encode + head for one phrase and batched throughput, for a
 * BERT-base-shaped model (random weights, generated on demand under .cache/) and for GloVe; the
 * scoring includes the nearest-neighbour vote over a memory of 5,000 trained phrases; and the
 * derived nouns' vote of two open candidates over 2,200 nouns at 768-d.
 * Last line: one JSON object.
 */
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadBertEncoder } from '../src/ml/encoder/bert-encoder.js';
import { loadGloveEncoder } from '../src/ml/encoder/glove/glove-encoder.js';
import type { Encoder } from '../src/core/ports.js';
import { BLEND } from '../src/ml/model/blend-settings.js';
import { derivedVote } from '../src/ml/model/derived-nouns.js';
import { buildMemory } from '../src/ml/model/phrase-memory.js';
import { rank } from '../src/ml/model/score-open.js';
import { centred, type ScoringModel } from '../src/ml/model/scoring-model.js';
import { bertBaseShaped, ensureBert } from '../test/support/bert-generator/generate-bert.js';

const PHRASES = ['very chonky', 'a very big and fluffy cat', 'boiling hot', 'penniless', 'smells fishy', 'super expensive', 'tiny', 'dangerous'];

/** Trained phrases in the nearest-neighbour memory: about the WordNet seed plus a year of votes. */
const MEMORY_ROWS = 5000;
/** Distinct nouns derived from one-word trained phrases (the WordNet seed gives ~2,200). */
const DERIVED_ROWS = 2200;

function randomModel(dim: number, classes: number): ScoringModel {
  let s = 7;
  const r = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5) * 0.1;
  const phrases = Array.from({ length: MEMORY_ROWS }, (_, i) => `phrase${i}`);
  const vectors = phrases.map(() => centred(Float32Array.from({ length: dim }, r), new Float32Array(dim)));
  const targets = phrases.map((_, i) => ({ classes: [i % classes], probs: [1] }));
  return {
    memory: buildMemory(phrases, vectors, targets, dim),
    encoderId: 'bench',
    version: 1,
    labels: Array.from({ length: classes }, (_, i) => `label${i}`),
    head: { weights: Float32Array.from({ length: dim * classes }, r), bias: new Float32Array(classes), dim, numClasses: classes },
    labelVectors: Float32Array.from({ length: dim * classes }, r),
    centre: new Float32Array(dim),
    cosineWeight: 3,
  };
}

const pct = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round((s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0) * 1000) / 1000;
};

async function latency(encoder: Encoder, model: ScoringModel, runs: number) {
  const times: number[] = [];
  for (let i = 0; i < runs + 10; i++) {
    const phrase = `${PHRASES[i % PHRASES.length] ?? ''} ${i}`; // unique: no cache anywhere
    const t = performance.now();
    const [x] = await encoder.encode([phrase]);
    if (x) rank(model, x, 5, undefined, phrase);
    if (i >= 10) times.push(performance.now() - t);
  }
  return { p50_ms: pct(times, 0.5), p95_ms: pct(times, 0.95) };
}

async function throughput(encoder: Encoder, batch: number, batches: number) {
  const phrases = Array.from({ length: batch * batches }, (_, i) => `${PHRASES[i % PHRASES.length] ?? ''} ${i}`);
  const t = performance.now();
  for (let i = 0; i < batches; i++) await encoder.encode(phrases.slice(i * batch, (i + 1) * batch));
  return Math.round((phrases.length / (performance.now() - t)) * 1000);
}

const bertDir = path.resolve('.cache/bench/bert-base');
process.stderr.write('generating/loading the BERT-base-shaped model (random weights, ~440 MB)…\n');
await ensureBert(bertDir, bertBaseShaped(), 1);
const bert = await loadBertEncoder({ model: 'bench', modelDir: bertDir, cacheDir: os.tmpdir(), pooling: 'cls', dtype: 'fp32', allowRemote: false });
const bertModel = randomModel(bert.dim, 2000);
const bertLat = await latency(bert, bertModel, 60);
const bertTput = await throughput(bert, 32, 6);
const forwardGflop = 1.36; // 8-token BERT-base forward
const bertGflops = Math.round((forwardGflop / (bertLat.p50_ms / 1000)) * 10) / 10;

const glove = await loadGloveEncoder({ dataDir: path.resolve('data') });
const gloveModel = randomModel(glove.dim, 600);
const gloveLat = await latency(glove, gloveModel, 2000);
const gloveTput = await throughput(glove, 256, 20);

const head = randomModel(768, 2000);
const x = Float32Array.from({ length: 768 }, (_, i) => Math.sin(i));
const headTimes: number[] = [];
for (let i = 0; i < 300; i++) {
  const t = performance.now();
  rank(head, x, 5, undefined, 'very chonky');
  headTimes.push(performance.now() - t);
}
// The derived nouns' vote (see src/ml/model/derived-nouns.ts): ~2,200 nouns at 768-d, two open candidates.
const nouns = randomModel(768, 2000);
const derivedMemory = buildMemory(
  Array.from({ length: DERIVED_ROWS }, (_, i) => `noun${i}`),
  Array.from({ length: DERIVED_ROWS }, (_, i) => nouns.memory?.vectors.subarray(i * 768, (i + 1) * 768) ?? new Float32Array(768)),
  Array.from({ length: DERIVED_ROWS }, (_, i) => ({ classes: [i % 2000], probs: [1] })),
  768,
);
const open = new Map([0, 1].map((k) => [`open${k}`, centred(Float32Array.from({ length: 768 }, (_, i) => Math.sin(i * (k + 2))), new Float32Array(768))] as const));
const extra = { labels: [...open.keys()], open, facts: new Map() };
const derivedTimes: number[] = [];
for (let i = 0; i < 300; i++) {
  const t = performance.now();
  derivedVote(derivedMemory, extra, 2000, { k: BLEND.derivedNeighbours, temperature: BLEND.derivedTemperature });
  derivedTimes.push(performance.now() - t);
}
await bert.dispose?.();
console.log(
  JSON.stringify({
    bert: { ...bertLat, batched_per_s: bertTput, gflops: bertGflops },
    glove: { ...gloveLat, batched_per_s: gloveTput },
    head_p50_ms: pct(headTimes.slice(50), 0.5),
    derived_vote_p50_ms: pct(derivedTimes.slice(50), 0.5),
    cores: os.availableParallelism(),
  }),
);
