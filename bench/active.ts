/**
 * `npm run bench:active` (issue 14, item 4): does active learning beat random labelling on phrases
 * that were NOT labelled? GloVe encoder, base model on the WordNet seed with every eval phrase
 * excluded. Per seed, the representable wordnet-dev phrases are split at random into a pool (60%)
 * and a held-out set (40%) that no strategy ever labels. Each strategy picks B pool phrases under
 * the base model (one batch; `random` a seeded uniform draw), simulated users label them with
 * their accepted labels, the model is retrained and scored on the held-out set (and, `--test`,
 * on wordnet-test). Mean, standard deviation and range over the seeds, and the paired difference
 * to random on the same split. Flags: `--strategies=random,combined,...` (default: random and the
 * shipped measure), `--budgets=50,100,200`, `--seeds=5`, `--test`, `--single-label`, `--chart=PATH` (default
 * docs/active-learning.png). Last line: one JSON object.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderLineChartPng } from '../src/chart/line-chart-png.js';
import { loadConfig } from '../src/config/load.js';
import { createLogger } from '../src/logger.js';
import { openApp } from '../src/main.js';
import { sampleUniform, withUserLabels } from '../src/ml/active-learning/simulated-users.js';
import { DEFAULT_MEASURE, rankByUncertainty, type UncertaintyMeasure } from '../src/ml/active-learning/uncertainty.js';
import type { LabelledExample } from '../src/ml/dataset/labelled-example.js';
import { readLabelledTsv } from '../src/ml/dataset/tsv.js';
import type { ScoringModel } from '../src/ml/model/scoring-model.js';
import { seedWordnet } from '../src/ml/seed/seed-wordnet.js';
import { evaluateFile } from '../src/ml/training/evaluate-active.js';
import { trainModel } from '../src/ml/training/train-model.js';
import { buildTrainingSet, type TrainingSet } from '../src/ml/training/training-set.js';
import { paired, spread } from './active-stats.js';

const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const evalDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/eval');
const chartPath = path.resolve(flag('chart') ?? 'docs/active-learning.png');
// Default: random, the measure shipped before this benchmark was made honest (combined), and the shipped one.
const strategies = [...new Set((flag('strategies') ?? `random,combined,${DEFAULT_MEASURE}`).split(','))] as ('random' | UncertaintyMeasure)[];
const budgets = (flag('budgets') ?? '50,100,200').split(',').map(Number);
const seeds = Array.from({ length: Number(flag('seeds') ?? 5) }, (_, i) => i + 1);
const withTest = args.includes('--test');
// Each simulated user votes for the first accepted label only (default: all of them, as several users would).
const singleLabel = args.includes('--single-label');
const HELD_OUT_SHARE = 0.4;

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-active-'));
// Reuse the converted GloVe cache: conversion is not what this measures.
await fs.mkdir(path.join(dataDir, 'glove'), { recursive: true });
await fs.cp(path.resolve('data/glove'), path.join(dataDir, 'glove'), { recursive: true }).catch(() => undefined);
const config = loadConfig({ ATTRIBOT_DATA_DIR: dataDir, ENCODER: 'glove', SEED_EXCLUDE: evalDir, LOG_LEVEL: 'warn' }, process.cwd(), { dotenv: false });
const app = await openApp(config, createLogger('warn'));
const started = Date.now();
const log = (msg: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);

try {
  const { predictor } = app;
  const seeded = await seedWordnet(app.storage, [evalDir]);
  const base = buildTrainingSet(await app.storage.examples.listActive(), []);
  const devAll = await readLabelledTsv(path.join(evalDir, 'wordnet-dev.tsv'));
  const devVectors = await predictor.store.vectors(devAll.map((e) => e.phrase));
  // Only phrases the encoder can represent: an all-unknown phrase teaches nothing and is never asked.
  const items = devAll.flatMap((e, i) => {
    const x = devVectors[i];
    return x && x.some((v) => v !== 0) ? [{ example: e, x }] : [];
  });
  const test = withTest ? (await readLabelledTsv(path.join(evalDir, 'wordnet-test.tsv'))).map((e) => ({ phrase: e.phrase, accepted: e.labels })) : [];
  log(`seed: ${seeded.phrases} phrases; ${base.train.length} training phrases; ${items.length} representable dev phrases`);

  // The scorer's features need the predictor's morphology candidates (typed loosely: older trainers take none).
  const trainOpts = { backend: 'wasm' as const, candidates: (m: ScoringModel, p: readonly string[]) => predictor.candidatesFor(m, p) };
  const train = async (set: TrainingSet): Promise<ScoringModel> => (await trainModel(app.encoder, predictor.store, set, trainOpts)).model;
  const score = async (model: ScoringModel, heldOut: readonly LabelledExample[]) => {
    predictor.use(model);
    const h = await evaluateFile(predictor, heldOut.map((e) => ({ phrase: e.phrase, accepted: e.labels })));
    return { held_out: h.top1, held_out_top5: h.top5, ...(withTest ? { test: (await evaluateFile(predictor, test)).top1 } : {}) };
  };
  type Score = Awaited<ReturnType<typeof score>>;

  const baseModel = await train(base);
  predictor.use(baseModel);
  // What users are shown for each phrase under the base model (the `shown-margin` family ranks by it).
  const shown = new Map<string, number[]>();
  if (strategies.includes('shown-margin')) for (const it of items) shown.set(it.example.phrase, (await predictor.predict(it.example.phrase, 5)).candidates.map((c) => c.p));
  log('base model trained');

  const runs: { seed: number; strategy: string; budget: number; score: Score }[] = [];
  const baseRuns: Score[] = [];
  for (const seed of seeds) {
    const order = sampleUniform(items, items.length, seed);
    const heldOut = order.slice(0, Math.round(HELD_OUT_SHARE * items.length)).map((it) => it.example);
    const pool = order.slice(heldOut.length);
    baseRuns.push(await score(baseModel, heldOut));
    for (const strategy of strategies) {
      const picked =
        strategy === 'random'
          ? sampleUniform(pool, pool.length, 1000 + seed).map((p) => p.example)
          : // Only `shown-margin` gets what users were shown: the others rank as the quiz does (Predictor.mostUncertain).
            rankByUncertainty(baseModel, pool.map((p) => ({ phrase: p.example.phrase, x: p.x, ...(strategy === 'shown-margin' ? { shown: shown.get(p.example.phrase) ?? [] } : {}) })), { by: strategy }).flatMap(
              (r) => pool.find((p) => p.example.phrase === r.phrase)?.example ?? [],
            );
      for (const budget of budgets) {
        const answers = picked.slice(0, budget).map((e) => (singleLabel ? { ...e, labels: e.labels.slice(0, 1) } : e));
        const s = await score(await train(withUserLabels(base, answers)), heldOut);
        runs.push({ seed, strategy, budget, score: s });
        log(`seed ${seed} ${strategy} B=${budget}: ${JSON.stringify(s)}`);
      }
    }
  }

  const values = (strategy: string, budget: number, key: keyof Score) => runs.filter((r) => r.strategy === strategy && r.budget === budget).map((r) => r.score[key] ?? 0);
  const summary = Object.fromEntries(
    strategies.map((s) => [
      s,
      Object.fromEntries(
        budgets.map((b) => [
          b,
          {
            held_out: spread(values(s, b, 'held_out')),
            held_out_top5: spread(values(s, b, 'held_out_top5')),
            vs_random: strategies.includes('random') ? spread(paired(values(s, b, 'held_out'), values('random', b, 'held_out'))) : null,
            ...(withTest ? { test: spread(values(s, b, 'test')) } : {}),
          },
        ]),
      ),
    ]),
  );
  const baseSummary = { held_out: spread(baseRuns.map((r) => r.held_out)), ...(withTest ? { test: spread(baseRuns.map((r) => r.test ?? 0)) } : {}) };

  const colors = ['#7f7f7f', '#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b'];
  const curve = (s: string, f: (v: number[]) => number) => [{ x: 0, y: f(baseRuns.map((r) => r.held_out)) }, ...budgets.map((b) => ({ x: b, y: f(values(s, b, 'held_out')) }))];
  const mean = (v: number[]) => spread(v).mean;
  const charted = strategies.filter((s) => s === 'random' || s === DEFAULT_MEASURE);
  const png = await renderLineChartPng({
    title: `Active learning on held-out wordnet-dev phrases (GloVe; mean ± sd over ${seeds.length} splits)`,
    xLabel: 'pool phrases labelled by simulated users',
    yLabel: 'held-out top-1',
    xTicks: [0, ...budgets],
    width: 960,
    height: 480,
    series: strategies.flatMap((s, i) => {
      const color = colors[i % colors.length] ?? '#000000';
      const bands = charted.includes(s)
        ? [
            { name: `${s} − sd`, points: curve(s, (v) => mean(v) - spread(v).sd), color, dashed: true },
            { name: `${s} + sd`, points: curve(s, (v) => mean(v) + spread(v).sd), color, dashed: true },
          ]
        : [];
      return [{ name: s, points: curve(s, mean), color }, ...bands];
    }),
  });
  await fs.mkdir(path.dirname(chartPath), { recursive: true });
  await fs.writeFile(chartPath, png);
  log(`chart: ${chartPath}`);
  const held = Math.round(HELD_OUT_SHARE * items.length);
  const perSeed = Object.fromEntries(strategies.map((s) => [s, Object.fromEntries(budgets.map((b) => [b, values(s, b, 'held_out')]))]));
  console.log(
    JSON.stringify({ budgets, seeds: seeds.length, pool: items.length - held, held_out: held, shipped: DEFAULT_MEASURE, base: baseSummary, strategies: summary, per_seed: { base: baseRuns.map((r) => r.held_out), ...perSeed } }),
  );
} finally {
  await app.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}
