/**
 * `npm run bench:quality`: a fresh seed (every ../shared/eval phrase excluded) and training in a
 * temporary PGlite data dir with the GloVe encoder, then every eval file. Last line: one JSON object;
 * stderr also gets the latency of a full `predict` call (JSON).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { createLogger } from '../src/logger.js';
import { openApp } from '../src/main.js';
import { readLabelledTsv } from '../src/ml/dataset/tsv.js';
import { seedWordnet } from '../src/ml/seed/seed-wordnet.js';
import { evaluateFile } from '../src/ml/training/evaluate-active.js';
import type { Predictor } from '../src/ml/model/predictor.js';

/** p50 and p95 of one `predict` call over every eval phrase (after one warm-up pass), 3 rounds. */
async function predictLatency(predictor: Predictor, phrases: readonly string[]): Promise<{ p50_ms: number; p95_ms: number; n: number }> {
  for (const p of phrases) await predictor.predict(p);
  const times: number[] = [];
  for (let round = 0; round < 3; round++) {
    for (const p of phrases) {
      const t = performance.now();
      await predictor.predict(p);
      times.push(performance.now() - t);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Math.round((times[Math.floor(q * (times.length - 1))] ?? 0) * 1000) / 1000;
  return { p50_ms: at(0.5), p95_ms: at(0.95), n: times.length };
}

const evalDir = path.resolve(process.argv[2] ?? '../shared/eval');
const files = (await fs.readdir(evalDir)).filter((f) => f.endsWith('.tsv')).sort();
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-quality-'));
const gloveCache = path.resolve('data/glove');
// Reuse the converted GloVe cache when there is one: conversion is not what this measures.
await fs.mkdir(path.join(dataDir, 'glove'), { recursive: true });
await fs.cp(gloveCache, path.join(dataDir, 'glove'), { recursive: true }).catch(() => undefined);

const config = loadConfig(
  { ATTRIBOT_DATA_DIR: dataDir, ENCODER: 'glove', GATE_EVAL_FILES: path.join(evalDir, 'wordnet-dev.tsv'), SEED_EXCLUDE: evalDir, LOG_LEVEL: 'warn' },
  process.cwd(),
  { dotenv: false },
);
const logger = createLogger('warn');
const app = await openApp(config, logger);
try {
  const seeded = await seedWordnet(app.storage, [evalDir]);
  const started = Date.now();
  const outcome = await app.trainer.retrain({ trigger: 'cli', requestedBy: 'bench', always: true });
  if (outcome.status !== 'promoted') throw new Error(`training did not promote: ${JSON.stringify(outcome)}`);
  const result: Record<string, unknown> = {};
  const phrases: string[] = [];
  for (const f of files) {
    const items = (await readLabelledTsv(path.join(evalDir, f))).map((e) => ({ phrase: e.phrase, accepted: e.labels }));
    phrases.push(...items.map((i) => i.phrase));
    const m = await evaluateFile(app.predictor, items);
    result[f] = m;
    process.stderr.write(`${f.padEnd(22)} n=${m.n} top1=${m.top1} top5=${m.top5} mrr=${m.mrr} coverage=${m.coverage}\n`);
  }
  process.stderr.write(`seed: ${seeded.phrases} phrases, ${seeded.labels} labels; training ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  process.stderr.write(`predict (full path: encode, morphology, scoring) ${JSON.stringify(await predictLatency(app.predictor, phrases))}\n`);
  console.log(JSON.stringify(result));
} finally {
  await app.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}
