/**
 * `npm run bench:active`: simulated users on ../shared/eval/wordnet-dev.tsv with the GloVe encoder.
 * Base model: WordNet seed with every eval phrase excluded. For each budget, that many dev phrases
 * are labelled (chosen by uncertainty under the base model, in rounds of 25 with a retrain between
 * rounds, or uniformly at random, 3 seeds), the model is retrained and scored on wordnet-test.tsv
 * (`top1`, `top5`) and on the whole dev pool (`pool_top1`: the phrases users asked, labelled or not).
 * Writes the curve as a PNG (`--chart=PATH`, default docs/active-learning.png). Last line: one JSON
 * object.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { createLogger } from '../src/logger.js';
import { openApp } from '../src/main.js';
import type { LabelledExample } from '../src/ml/dataset/labelled-example.js';
import { renderLineChartPng } from '../src/chart/line-chart-png.js';
import { readLabelledTsv } from '../src/ml/dataset/tsv.js';
import { sampleUniform, withUserLabels } from '../src/ml/active-learning/simulated-users.js';
import { rankByUncertainty } from '../src/ml/active-learning/uncertainty.js';
import type { ScoringModel } from '../src/ml/model/scoring-model.js';
import { seedWordnet } from '../src/ml/seed/seed-wordnet.js';
import { evaluate } from '../src/ml/training/evaluate.js';
import { trainModel } from '../src/ml/training/train-model.js';
import { buildTrainingSet, type TrainingSet } from '../src/ml/training/training-set.js';

const BUDGETS = [25, 50, 100, 200];
const ROUND = 25;
const SEEDS = [1, 2, 3];
const args = process.argv.slice(2);
const evalDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/eval');
const chartPath = path.resolve(args.find((a) => a.startsWith('--chart='))?.slice('--chart='.length) ?? 'docs/active-learning.png');
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-active-'));
// Reuse the converted GloVe cache: conversion is not what this measures.
await fs.mkdir(path.join(dataDir, 'glove'), { recursive: true });
await fs.cp(path.resolve('data/glove'), path.join(dataDir, 'glove'), { recursive: true }).catch(() => undefined);

const config = loadConfig(
  { ATTRIBOT_DATA_DIR: dataDir, ENCODER: 'glove', SEED_EXCLUDE: evalDir, LOG_LEVEL: 'warn' },
  process.cwd(),
  { dotenv: false },
);
const app = await openApp(config, createLogger('warn'));
const started = Date.now();
const log = (msg: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);
const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

try {
  const store = app.predictor.store;
  const seeded = await seedWordnet(app.storage, [evalDir]);
  const base = buildTrainingSet(await app.storage.examples.listActive(), []);
  log(`seed: ${seeded.phrases} phrases, ${seeded.labels} labels; ${base.train.length} training phrases`);

  const devAll = await readLabelledTsv(path.join(evalDir, 'wordnet-dev.tsv'));
  const devVectors = await store.vectors(devAll.map((e) => e.phrase));
  // Both strategies draw from the phrases the encoder can represent: an all-unknown phrase teaches nothing.
  const poolItems = devAll.flatMap((e, i) => {
    const x = devVectors[i];
    return x && x.some((v) => v !== 0) ? [{ example: e, x }] : [];
  });
  const answers = new Map(poolItems.map((p) => [p.example.phrase, p.example]));
  const test = (await readLabelledTsv(path.join(evalDir, 'wordnet-test.tsv'))).map((e) => ({ phrase: e.phrase, accepted: e.labels }));
  const testVectors = await store.vectors(test.map((t) => t.phrase));
  log(`pool: ${poolItems.length}/${devAll.length} representable dev phrases; test: ${test.length}`);

  const train = async (set: TrainingSet): Promise<ScoringModel> => (await trainModel(app.encoder, store, set, { backend: 'wasm' })).model;
  const pool = devAll.map((e) => ({ phrase: e.phrase, accepted: e.labels }));
  const score = async (model: ScoringModel) => {
    const m = evaluate(model, test, testVectors, await app.predictor.candidatesFor(model, test.map((t) => t.phrase)));
    const p = evaluate(model, pool, devVectors, await app.predictor.candidatesFor(model, pool.map((t) => t.phrase)));
    return { top1: m.top1, top5: m.top5, pool_top1: p.top1 };
  };

  const baseModel = await train(base);
  const baseMetrics = await score(baseModel);
  log(`base: ${JSON.stringify(baseMetrics)}`);

  // Uncertainty, one batch per budget: the top-B phrases under the base model.
  const baseOrder = rankByUncertainty(baseModel, poolItems.map((p) => ({ phrase: p.example.phrase, x: p.x })));
  const pick = (phrases: readonly string[]): LabelledExample[] => phrases.flatMap((p) => answers.get(p) ?? []);
  const uncertainty = [];
  for (const budget of BUDGETS) {
    const m = await score(await train(withUserLabels(base, pick(baseOrder.slice(0, budget).map((r) => r.phrase)))));
    uncertainty.push({ budget, ...m });
    log(`uncertainty (batch) B=${budget}: ${JSON.stringify(m)}`);
  }

  // Uncertainty in rounds: label the 25 most uncertain remaining phrases, retrain, repeat.
  const uncertaintyRounds = [];
  const labelled: string[] = [];
  let model = baseModel;
  while (labelled.length < Math.max(...BUDGETS)) {
    const taken = new Set(labelled);
    const remaining = poolItems.filter((p) => !taken.has(p.example.phrase)).map((p) => ({ phrase: p.example.phrase, x: p.x }));
    labelled.push(...rankByUncertainty(model, remaining).slice(0, ROUND).map((r) => r.phrase));
    model = await train(withUserLabels(base, pick(labelled)));
    if (BUDGETS.includes(labelled.length)) {
      const m = await score(model);
      uncertaintyRounds.push({ budget: labelled.length, ...m });
      log(`uncertainty (rounds) B=${labelled.length}: ${JSON.stringify(m)}`);
    }
  }

  const random = [];
  for (const budget of BUDGETS) {
    const runs: { top1: number; top5: number; pool_top1: number }[] = [];
    for (const seed of SEEDS) {
      const chosen = sampleUniform(poolItems, budget, seed).map((p) => p.example);
      runs.push(await score(await train(withUserLabels(base, chosen))));
    }
    const mean = (k: 'top1' | 'top5' | 'pool_top1') => round4(runs.reduce((s, r) => s + r[k], 0) / runs.length);
    random.push({ budget, top1: mean('top1'), top5: mean('top5'), pool_top1: mean('pool_top1'), seeds: runs });
    log(`random B=${budget} (mean of ${SEEDS.length}): top1=${mean('top1')} top5=${mean('top5')}`);
  }

  const curve = (rows: readonly { budget: number; top1: number; pool_top1: number }[], key: 'top1' | 'pool_top1') => [
    { x: 0, y: key === 'top1' ? baseMetrics.top1 : baseMetrics.pool_top1 },
    ...rows.map((r) => ({ x: r.budget, y: r[key] })),
  ];
  const png = await renderLineChartPng({
    title: 'Active learning: top-1 after labelling dev phrases (GloVe, WordNet seed; random: mean of 3)',
    xLabel: 'phrases labelled by simulated users',
    yLabel: 'top-1',
    xTicks: [0, ...BUDGETS],
    width: 960,
    height: 480,
    series: [
      { name: 'uncertainty · wordnet-test', points: curve(uncertaintyRounds, 'top1'), color: '#1f77b4' },
      { name: 'random · wordnet-test', points: curve(random, 'top1'), color: '#1f77b4', dashed: true },
      { name: 'uncertainty · dev pool', points: curve(uncertaintyRounds, 'pool_top1'), color: '#d62728' },
      { name: 'random · dev pool', points: curve(random, 'pool_top1'), color: '#d62728', dashed: true },
    ],
  });
  await fs.mkdir(path.dirname(chartPath), { recursive: true });
  await fs.writeFile(chartPath, png);
  log(`chart: ${chartPath}`);
  log('done');
  console.log(JSON.stringify({ budgets: BUDGETS, uncertainty, uncertaintyRounds, random, base: baseMetrics }));
} finally {
  await app.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}
