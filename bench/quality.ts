/**
 * `npm run bench:quality [EVAL_DIR]`: answer quality under two protocols, side by side, GloVe encoder.
 * - `as_shipped`: a default bot (full WordNet seed, nothing excluded), trained as `npm start` trains it.
 * - `unseen`: every eval phrase, and the adjectives of its multi-word phrases, left out of the seed and
 *   of every WordNet lookup (`SEED_EXCLUDE`).
 * Each set's numbers come with 95% bootstrap intervals and the calibration error a perfectly
 * calibrated scorer would show on it (`evaluation-noise.ts`). Each in a temporary PGlite data dir.
 * Writes the reliability chart of colloquial-dev as shipped (`--chart=PATH`, default
 * docs/calibration.png). Last line: one JSON object.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderLineChartPng } from '../src/chart/line-chart-png.js';
import { loadConfig } from '../src/config/load.js';
import { createLogger } from '../src/logger.js';
import { openApp } from '../src/main.js';
import { readLabelledTsv } from '../src/ml/dataset/tsv.js';
import { seedWordnet } from '../src/ml/seed/seed-wordnet.js';
import { reliability, type ReliabilityBin } from '../src/ml/training/calibration.js';
import { evaluationDetail, metricsOfDetail, type EvalItem } from '../src/ml/training/evaluate.js';
import { evaluationNoise } from '../src/ml/training/evaluation-noise.js';

const args = process.argv.slice(2);
const evalDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/eval');
const chartPath = path.resolve(args.find((a) => a.startsWith('--chart='))?.slice('--chart='.length) ?? 'docs/calibration.png');
const files = await fs.readdir(evalDir).then(
  (names) => names.filter((f) => f.endsWith('.tsv')).sort(),
  () => {
    process.stderr.write(`bench:quality needs the evaluation sets: ${evalDir} is missing (pass another folder of phrase<TAB>labels TSV files as the first argument)\n`);
    process.exit(64);
  },
);
const sets: Record<string, EvalItem[]> = {};
for (const f of files) sets[f] = (await readLabelledTsv(path.join(evalDir, f))).map((e) => ({ phrase: e.phrase, accepted: e.labels }));

interface ProtocolResult {
  sets: Record<string, unknown>;
  seed: { phrases: number; labels: number };
  classes: number;
  train_seconds: number;
  /** The fitted factor on the scores of a phrase of several words (`fit-multi-word.ts`); null: none. */
  multi_word_scale: number | null;
  reliability: Record<string, ReliabilityBin[]>;
}

async function protocol(name: string, exclude: readonly string[]): Promise<ProtocolResult> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `attribot-quality-${name}-`));
  // Reuse the converted GloVe cache when there is one: conversion is not what this measures.
  await fs.mkdir(path.join(dataDir, 'glove'), { recursive: true });
  await fs.cp(path.resolve('data/glove'), path.join(dataDir, 'glove'), { recursive: true }).catch(() => undefined);
  const env: Record<string, string> = { ATTRIBOT_DATA_DIR: dataDir, ENCODER: 'glove', LOG_LEVEL: 'warn' };
  if (exclude.length > 0) env['SEED_EXCLUDE'] = exclude.join(',');
  const app = await openApp(loadConfig(env, process.cwd(), { dotenv: false }), createLogger('warn'));
  try {
    const seeded = await seedWordnet(app.storage, exclude);
    const started = Date.now();
    const outcome = await app.trainer.retrain({ trigger: 'cli', requestedBy: 'bench', always: true });
    if (outcome.status !== 'promoted') throw new Error(`training did not promote: ${JSON.stringify(outcome)}`);
    const trainSeconds = (Date.now() - started) / 1000;
    const model = await app.predictor.currentModel();
    const out: ProtocolResult = {
      sets: {},
      seed: { phrases: seeded.phrases, labels: seeded.labels },
      classes: model.labels.length,
      train_seconds: trainSeconds,
      multi_word_scale: model.multiWordScale === undefined ? null : Math.round(model.multiWordScale * 1000) / 1000,
      reliability: {},
    };
    for (const [f, items] of Object.entries(sets)) {
      const phrases = items.map((i) => i.phrase);
      const vectors = await app.predictor.store.vectors(phrases);
      const extras = await app.predictor.candidatesFor(model, phrases);
      const detail = evaluationDetail(model, items, vectors, extras);
      const m = metricsOfDetail(detail);
      out.sets[f] = { ...m, ...evaluationNoise(detail) };
      out.reliability[f] = reliability(detail.map((d) => d.confidence));
      process.stderr.write(`${name.padEnd(10)} ${f.padEnd(26)} n=${m.n} top1=${m.top1} top5=${m.top5} mrr=${m.mrr} ece=${m.ece}\n`);
    }
    process.stderr.write(`${name}: seed ${seeded.phrases} phrases, ${seeded.labels} labels, ${model.labels.length} classes; training ${trainSeconds.toFixed(1)} s; scorer weights ${JSON.stringify(Array.from(model.stack ?? [], (w) => Math.round(w * 1000) / 1000))}; multi-word scale ${out.multi_word_scale}\n`);
    return out;
  } finally {
    await app.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

const shipped = await protocol('as_shipped', []);
const unseen = await protocol('unseen', [evalDir]);

const bins = (r: ProtocolResult, f: string) => (r.reliability[f] ?? []).filter((b) => b.n > 0).map((b) => ({ x: b.confidence, y: b.accuracy }));
const png = await renderLineChartPng({
  title: 'Reliability: shown probability of the first answer vs how often it is right (10 bins)',
  xLabel: 'probability shown',
  yLabel: 'share right',
  yRange: [0, 1],
  xTicks: [0, 0.2, 0.4, 0.6, 0.8, 1],
  width: 900,
  height: 480,
  series: [
    { name: 'perfect calibration', points: [{ x: 0, y: 0 }, { x: 1, y: 1 }], color: '#7f7f7f', dashed: true },
    { name: 'colloquial-dev · as shipped', points: bins(shipped, 'colloquial-dev.tsv'), color: '#1f77b4' },
    { name: 'wordnet-dev · unseen', points: bins(unseen, 'wordnet-dev.tsv'), color: '#d62728' },
  ],
});
await fs.mkdir(path.dirname(chartPath), { recursive: true });
await fs.writeFile(chartPath, png);
process.stderr.write(`chart: ${chartPath}\n`);
const strip = ({ reliability: _r, ...rest }: ProtocolResult) => rest;
console.log(JSON.stringify({ encoder: 'glove', as_shipped: strip(shipped), unseen: strip(unseen) }));
