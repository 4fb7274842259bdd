/**
 * Switching encoder (GloVe ↔ BERT): the new encoder's first model is promoted only if it is not
 * worse than the other encoder's active model on the same held-out phrases, each scored with its
 * own encoder; otherwise the other encoder keeps answering, and `status` says which and why.
 * Real parts: PostgreSQL, the mini GloVe fixture and a generated tiny BERT (random weights and a
 * 200-word vocabulary, so it knows next to nothing: worse than GloVe by construction).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { loadConfig } from '../../src/config/load.js';
import type { ChatContext } from '../../src/core/chat/chat-core.js';
import { createLogger } from '../../src/logger.js';
import { openApp, type App } from '../../src/main.js';
import { GLOVE_ENCODER_ID } from '../../src/ml/encoder/glove/glove-encoder.js';
import { toExamples } from '../../src/ml/seed/labelled-to-examples.js';
import { MINI_GLOVE_PATH } from '../fixtures/glove/mini-glove.js';
import { generateBert, tinyBert } from '../support/bert-generator/generate-bert.js';
import { createTempDatabase, type TempDatabase } from '../support/pg-database.js';
import { FIXTURE_EXAMPLES } from '../support/test-app.js';

/** Held out (never trained on): words and phrases the fixture's examples do not contain. */
const HELD_OUT = [
  ['scent', 'smell'],
  ['aroma', 'smell'],
  ['odor', 'smell'],
  ['stink', 'smell'],
  ['flavor', 'taste'],
  ['heat', 'temperature'],
  ['ice-cold', 'temperature'],
  ['price', 'value'],
  ['money', 'wealth,value'],
  ['tall', 'size'],
  ['fear', 'danger'],
  ['super huge', 'size'],
  ['extremely cold', 'temperature'],
  ['really smelly', 'smell'],
  ['incredibly dangerous', 'danger'],
  ['too salty', 'taste'],
  ['very rich', 'wealth'],
];

const admin: ChatContext = { platform: 'console', workspaceId: 'local', channelId: 'console', userId: 'owner', isAdmin: true };

let root: string;
let tinyDir: string;
let gateFile: string;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-switch-'));
  tinyDir = path.join(root, 'tiny-bert');
  await generateBert(tinyDir, tinyBert, 11);
  gateFile = path.join(root, 'held-out.tsv');
  await fs.writeFile(gateFile, HELD_OUT.map(([p, l]) => `${p}\t${l}`).join('\n'));
}, 120_000);

afterAll(async () => {
  if (root) await fs.rm(root, { recursive: true, force: true });
});

/** One database shared by the processes of a test, each opened with its own encoder settings. */
function deployment(db: TempDatabase) {
  const env = (extra: Record<string, string>) => ({
    DATABASE_URL: db.url,
    ATTRIBOT_DATA_DIR: path.join(root, `data-${db.name}`),
    GLOVE_SOURCE: MINI_GLOVE_PATH,
    ALLOW_REMOTE_MODELS: 'false',
    TRAIN_BACKEND: 'wasm',
    LOG_LEVEL: 'silent',
    GATE_MARGIN: '0.05',
    GATE_EVAL_FILES: gateFile,
    ...extra,
  });
  return {
    env,
    async open(extra: Record<string, string>): Promise<App> {
      const e = env(extra);
      await fs.mkdir(e.ATTRIBOT_DATA_DIR, { recursive: true });
      return openApp(loadConfig(e, root, { dotenv: false }), createLogger('silent'));
    },
  };
}

async function trainFixture(app: App) {
  if ((await app.storage.examples.count()) === 0) await app.storage.examples.upsertMany(toExamples(FIXTURE_EXAMPLES, 'import'));
  return app.trainer.retrain({ trigger: 'cli', requestedBy: 'test', always: true });
}

async function status(app: App): Promise<string> {
  return (await app.core.admin(admin, 'status')).text;
}

describe('switching encoder', () => {
  it('glove → bert: a worse first BERT model is not promoted; GloVe keeps answering and status says why', async () => {
    const db = await createTempDatabase();
    const d = deployment(db);
    try {
      const glove = await d.open({ ENCODER: 'glove' });
      const first = await trainFixture(glove);
      await glove.close();
      expect(first.status).toBe('promoted');
      if (first.status !== 'promoted') return;

      // Online: ENCODER=auto loads BERT (here the local tiny one).
      let bert = await d.open({ ENCODER: 'auto', MODEL_DIR: tinyDir });
      expect(bert.encoder.id).toMatch(/^bert:/);
      const outcome = await trainFixture(bert);
      expect(outcome.status).toBe('rejected');
      if (outcome.status !== 'rejected') return;
      const bertTop1 = outcome.metrics.gateTop1;
      expect(bertTop1).toBeLessThan(first.metrics.gateTop1 - 0.05);
      expect(outcome.previous?.gateTop1).toBe(first.metrics.gateTop1);
      expect(outcome.reason).toMatch(new RegExp(`^bert model ${outcome.modelId} scored .* glove model ${first.modelId} .*kept glove$`));
      expect(await bert.storage.models.getActive(bert.encoder.id)).toBeNull();

      const answer = await bert.predictor.predict('scent', 3);
      expect(answer).toMatchObject({ encoderId: GLOVE_ENCODER_ID, modelVersion: first.modelId });
      expect(await status(bert)).toContain(`answering with glove (model ${first.modelId}): bert model ${outcome.modelId} scored`);
      await bert.core.attribute(admin, 'odor');
      expect(await bert.metrics.registry.metrics()).toContain(`attribot_answering_encoder{encoder="${GLOVE_ENCODER_ID}"} 1`);
      await bert.close();

      // A restart answers with GloVe at once and does not train the loser again on the same data.
      bert = await d.open({ ENCODER: 'auto', MODEL_DIR: tinyDir });
      expect((await bert.predictor.predict('aroma', 3)).encoderId).toBe(GLOVE_ENCODER_ID);
      const again = await bert.trainer.retrain({ trigger: 'startup', requestedBy: null, always: true });
      expect(again).toMatchObject({ status: 'skipped', reason: expect.stringMatching(new RegExp(`^nothing changed since bert model ${outcome.modelId} lost to glove model ${first.modelId}`)) as unknown });
      await bert.close();

      const out: string[] = [];
      expect(await runCli(['status'], { env: d.env({ ENCODER: 'auto', MODEL_DIR: tinyDir }), cwd: root, out: (l) => out.push(l), err: () => undefined })).toBe(0);
      expect(out[0]).toMatch(new RegExp(`^answering with glove \\(model ${first.modelId}\\): bert model ${outcome.modelId} scored .*kept glove$`));
    } finally {
      await db.drop();
    }
  }, 600_000);

  it('bert → glove: a better first GloVe model is promoted over the BERT model; status says so, and names a failed ENCODER=auto', async () => {
    const db = await createTempDatabase();
    const d = deployment(db);
    try {
      const bert = await d.open({ ENCODER: 'bert', MODEL_DIR: tinyDir });
      const first = await trainFixture(bert);
      await bert.close();
      expect(first.status).toBe('promoted');
      if (first.status !== 'promoted') return;

      // GloVe, with the BERT model still on disk: compared with it, each scored with its own encoder.
      const glove = await d.open({ ENCODER: 'glove', MODEL_DIR: tinyDir });
      const outcome = await trainFixture(glove);
      expect(outcome.status).toBe('promoted');
      if (outcome.status !== 'promoted') return;
      expect(outcome.previous?.gateTop1).toBe(first.metrics.gateTop1);
      expect(outcome.reason).toMatch(new RegExp(`^promoted over bert model ${first.modelId} \\(`));
      expect((await glove.predictor.predict('scent', 3)).encoderId).toBe(GLOVE_ENCODER_ID);
      expect(await status(glove)).toContain(`answering with glove (model ${outcome.modelId}): promoted over bert model ${first.modelId}`);
      await glove.close();

      const offline = await d.open({ ENCODER: 'auto', MODEL_DIR: path.join(root, 'no-such-model') });
      expect(offline.encoder.id).toBe(GLOVE_ENCODER_ID);
      expect(await status(offline)).toMatch(new RegExp(`answering with glove \\(model ${outcome.modelId}\\): ENCODER=auto could not load bert \\(MODEL_DIR=.*no-such-model is not a directory`));
      await offline.close();
    } finally {
      await db.drop();
    }
  }, 600_000);
});
