/**
 * `npm run bench:learning` (issue 14, item 3): do corrections generalise? Groups of related phrases
 * (an eval phrase's head adjective with its intensified forms, inflections and WordNet synonyms in
 * the same sense: src/ml/active-learning/learning-groups.ts) are built from the public eval files
 * and WordNet and left out of the seed and every WordNet lookup. A GloVe model is trained on the
 * seed; simulated users then teach half of each group through the chat core (votes recorded, no
 * retrain: "instant"), then the bot retrains as the nightly job would ("retrained"). Measured on
 * the answers users get (top-1 / top-5 of `predict`) for the untaught halves, the taught ones,
 * and everything else (wordnet-dev and colloquial-dev phrases that share no word with a group head). Flags: `--seed=N` (which half is taught; 1),
 * `--max-groups=N` (120). Last line: one JSON object.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../src/config/load.js';
import { createLogger } from '../src/logger.js';
import { openApp } from '../src/main.js';
import { buildLearningGroups, splitGroup, type GroupMember } from '../src/ml/active-learning/learning-groups.js';
import { sampleUniform } from '../src/ml/active-learning/simulated-users.js';
import { readLabelledTsv } from '../src/ml/dataset/tsv.js';
import { selectEncoder } from '../src/ml/encoder/select-encoder.js';
import { seedWordnet } from '../src/ml/seed/seed-wordnet.js';
import { answerMetrics } from './learning-measure.js';
import { adjectiveSenses } from './learning-senses.js';
import { teach } from './learning-teach.js';

const GROUP_FILES = ['colloquial-phrases-dev.tsv', 'heiplas-dev.tsv', 'heiplas-val.tsv'];
const REST_FILES = ['wordnet-dev.tsv', 'colloquial-dev.tsv'];
const args = process.argv.slice(2);
const flag = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const evalDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? '../shared/eval');
const seed = Number(flag('seed') ?? 1);
const maxGroups = Number(flag('max-groups') ?? 120);
const started = Date.now();
const log = (msg: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);
const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-learning-'));
await fs.mkdir(path.join(dataDir, 'glove'), { recursive: true });
// Reuse the converted GloVe cache: conversion is not what this measures.
await fs.cp(path.resolve('data/glove'), path.join(dataDir, 'glove'), { recursive: true }).catch(() => undefined);
const groupsFile = path.join(dataDir, 'learning-groups.tsv');
const config = loadConfig(
  { ATTRIBOT_DATA_DIR: dataDir, ENCODER: 'glove', SEED_EXCLUDE: `${evalDir},${groupsFile}`, RATE_LIMIT_PER_MINUTE: '10000', LOG_LEVEL: 'warn' },
  process.cwd(),
  { dotenv: false },
);
const logger = createLogger('warn');
const encoder = await selectEncoder(config, logger);

// The groups: built before the app opens, because the app's WordNet lookups must leave them out.
const sources = (await Promise.all(GROUP_FILES.map((f) => readLabelledTsv(path.join(evalDir, f))))).flat();
const known = (word: string) => (encoder.oov?.(word) ?? []).length === 0;
const everyGroup = buildLearningGroups(sources, { sensesOf: await adjectiveSenses(), known });
const groups = sampleUniform(everyGroup, maxGroups, seed).sort((a, b) => (a.key < b.key ? -1 : 1));
const members = groups.flatMap((g) => g.members);
await fs.writeFile(groupsFile, `# bench:learning groups (never trained on)\n${members.map((m) => `${m.phrase}\t${m.labels.join(',')}`).join('\n')}\n`);
const halves = groups.map((g) => splitGroup(g, seed));
const taught = halves.flatMap((h) => h.taught);
const untaught = halves.flatMap((h) => h.untaught);
log(`groups: ${groups.length} of ${everyGroup.length}; ${taught.length} phrases taught, ${untaught.length} measured`);

// Everything else: the rest files' phrases sharing no word with a group head (nor being a member).
const heads = new Set(groups.map((g) => g.head));
const inGroups = new Set(members.map((m) => m.phrase));
const rest = await Promise.all(
  REST_FILES.map(async (f) => {
    const items = (await readLabelledTsv(path.join(evalDir, f))).map((e) => ({ phrase: e.phrase, accepted: e.labels }));
    return { file: f, items: items.filter((i) => !inGroups.has(i.phrase) && !i.phrase.split(' ').some((w) => heads.has(w))) };
  }),
);

const app = await openApp(config, logger, { encoder });
// As a running bot does (`attribot start`): follow model activations and taught phrases.
const unfollow = await app.predictor.follow();
const asItems = (list: readonly GroupMember[]) => list.map((m) => ({ phrase: m.phrase, accepted: m.labels }));
interface Brief {
  n: number;
  top1: number;
  top5: number;
}
interface Measured {
  untaught: Brief;
  taught: Brief;
  untaught_by_kind: Record<string, Brief>;
  rest: Record<string, Brief>;
}
const kinds = [...new Set(untaught.map((m) => m.kind))].sort();
// Measured on the answers users get (Predictor.predict), so learning applied at answer time counts.
const measure = async (): Promise<Measured> => {
  const byKind: Record<string, Brief> = {};
  for (const k of kinds) byKind[k] = await answerMetrics(app.predictor, asItems(untaught.filter((m) => m.kind === k)));
  const others: Record<string, Brief> = {};
  for (const r of rest) others[r.file] = await answerMetrics(app.predictor, r.items);
  return {
    untaught: await answerMetrics(app.predictor, asItems(untaught)),
    taught: await answerMetrics(app.predictor, asItems(taught)),
    untaught_by_kind: byKind,
    rest: others,
  };
};
const delta = (a: Measured, b: Measured) => ({
  untaught_top1: round4(b.untaught.top1 - a.untaught.top1),
  untaught_top5: round4(b.untaught.top5 - a.untaught.top5),
  taught_top1: round4(b.taught.top1 - a.taught.top1),
  rest: Object.fromEntries(REST_FILES.map((f) => [f, { top1: round4((b.rest[f]?.top1 ?? 0) - (a.rest[f]?.top1 ?? 0)), top5: round4((b.rest[f]?.top5 ?? 0) - (a.rest[f]?.top5 ?? 0)) }])),
});

try {
  const seeded = await seedWordnet(app.storage, [evalDir, groupsFile]);
  const first = await app.trainer.retrain({ trigger: 'cli', requestedBy: 'bench', always: true, force: true });
  if (first.status !== 'promoted') throw new Error(`the first training did not promote: ${JSON.stringify(first)}`);
  log(`seed: ${seeded.phrases} phrases (${seeded.excluded} excluded); base model ${first.modelId}`);
  const before = await measure();
  log(`before: ${JSON.stringify(before)}`);

  const taughtAt = Date.now();
  const answers = await teach(app.core, app.storage, taught);
  const teachSeconds = (Date.now() - taughtAt) / 1000;
  // Instant learning promises the next answer within a second: give it that second, no more.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const instant = await measure();
  log(`taught (${JSON.stringify(answers)}, ${teachSeconds.toFixed(1)} s); instant: ${JSON.stringify(instant)}`);

  // The nightly job: the gate decides. If it refuses, force it to measure what the retrain learned.
  const nightly = await app.trainer.retrain({ trigger: 'cli', requestedBy: 'bench' });
  const gate = { status: nightly.status, reason: 'reason' in nightly ? nightly.reason : null };
  if (nightly.status !== 'promoted') await app.trainer.retrain({ trigger: 'cli', requestedBy: 'bench', always: true, force: true });
  const retrained = await measure();
  log(`retrained (gate: ${JSON.stringify(gate)}): ${JSON.stringify(retrained)}`);

  const count = (list: readonly GroupMember[]) => Object.fromEntries(kinds.map((k) => [k, list.filter((m) => m.kind === k).length]));
  console.log(
    JSON.stringify({
      seed,
      groups: groups.length,
      taught: { n: taught.length, by_kind: count(taught), answers },
      untaught: { n: untaught.length, by_kind: count(untaught) },
      gain_instant: delta(before, instant),
      gain_retrained: delta(before, retrained),
      gate,
      before,
      instant,
      retrained,
      seconds: round4((Date.now() - started) / 1000),
    }),
  );
} finally {
  await unfollow();
  await app.close();
  await fs.rm(dataDir, { recursive: true, force: true });
}
