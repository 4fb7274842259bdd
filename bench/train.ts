/**
 * `npm run bench:train`: training speed of the linear head per backend and size, on N = 10k
 * synthetic examples. Human-readable lines go to stderr; the last stdout line is one JSON object.
 *
 * - Full runs train a fixed number of epochs (no validation split, no early stopping).
 * - Capped runs (the 30522-class head, the pure-JS cpu backend on big sizes) train two epochs on a
 *   subset and extrapolate the second epoch's time to N examples; they are marked `capped`.
 */
import { cpus } from 'node:os';
import { logits } from '../src/ml/head/linear-head.js';
import type { BackendName } from '../src/ml/trainer/backend.js';
import { createRandom, normalSamples } from '../src/ml/trainer/prng.js';
import { trainHead } from '../src/ml/trainer/train-head.js';

const N = 10_000;
const EPOCHS = 10;
const BATCH = 256;

interface Case {
  readonly backend: BackendName;
  readonly dim: number;
  readonly classes: number;
  /** Examples actually trained per epoch; fewer than N means capped and extrapolated. */
  readonly examples: number;
  readonly epochs: number;
}

const CASES: readonly Case[] = [
  { backend: 'wasm', dim: 100, classes: 600, examples: N, epochs: EPOCHS },
  { backend: 'wasm', dim: 768, classes: 2000, examples: N, epochs: EPOCHS },
  { backend: 'wasm', dim: 768, classes: 30522, examples: 2 * BATCH, epochs: 2 },
  { backend: 'cpu', dim: 100, classes: 600, examples: N, epochs: 2 },
];

interface Row {
  readonly backend: BackendName;
  readonly device: string;
  readonly dim: number;
  readonly classes: number;
  readonly examples: number;
  readonly epochs: number;
  readonly capped: boolean;
  /** Steady-state seconds for one epoch of N examples (extrapolated when capped). */
  readonly secondsPerEpoch: number;
  readonly examplesPerSecond: number;
  /** Wall time of the whole measured run (first epoch includes set-up and warm-up). */
  readonly measuredSeconds: number;
  /** Seconds for EPOCHS epochs of N examples, from secondsPerEpoch. */
  readonly secondsFor10Epochs: number;
}

async function runCase(c: Case): Promise<Row> {
  const random = createRandom(42, c.classes);
  const x = normalSamples(c.examples * c.dim, 1, random);
  const targets = Array.from({ length: c.examples }, (_, i) => ({ classes: [i % c.classes] }));
  const ends: number[] = [];
  const result = await trainHead(
    { x, dim: c.dim, numClasses: c.classes, targets },
    { backend: c.backend, maxEpochs: c.epochs, patience: c.epochs, validationFraction: 0, batchSize: BATCH, onEpoch: (p) => ends.push(p.seconds) },
  );
  const durations = ends.map((end, i) => end - (ends[i - 1] ?? 0));
  // Later epochs exclude weight initialisation and kernel warm-up.
  const steady = durations.length > 1 ? median(durations.slice(1)) : durations[0]!;
  const secondsPerEpoch = (steady * N) / c.examples;
  const row: Row = {
    backend: result.backend,
    device: result.device,
    dim: c.dim,
    classes: c.classes,
    examples: c.examples,
    epochs: result.epochs,
    capped: c.examples < N,
    secondsPerEpoch: round(secondsPerEpoch),
    examplesPerSecond: Math.round(N / secondsPerEpoch),
    measuredSeconds: round(result.trainSeconds),
    secondsFor10Epochs: round(secondsPerEpoch * EPOCHS),
  };
  process.stderr.write(`${JSON.stringify(row)}\n`);
  return row;
}

/** Milliseconds for one phrase through the pure-JS head at D 768 × C 2000 (median of 200). */
function inferenceMs(): number {
  const random = createRandom(1);
  const head = { weights: normalSamples(768 * 2000, 0.05, random), bias: new Float32Array(2000), dim: 768, numClasses: 2000 };
  const x = normalSamples(768, 1, random);
  const out = new Float32Array(2000);
  const times: number[] = [];
  for (let i = 0; i < 220; i++) {
    const start = performance.now();
    logits(head, x, out);
    if (i >= 20) times.push(performance.now() - start);
  }
  return round(median(times), 3);
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function round(value: number, digits = 2): number {
  return Number(value.toFixed(digits));
}

const results: Row[] = [];
for (const c of CASES) results.push(await runCase(c));
const main = results.find((r) => r.backend === 'wasm' && r.dim === 768 && r.classes === 2000);
console.log(
  JSON.stringify({
    bench: 'train',
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    n: N,
    batchSize: BATCH,
    results,
    target: {
      goal: `${N} examples at 768x2000 for ${EPOCHS} epochs in <= 30 s on CPU`,
      seconds: main?.secondsFor10Epochs ?? null,
      met: main !== undefined && main.secondsFor10Epochs <= 30,
    },
    headInferenceMs768x2000: inferenceMs(),
  }),
);
