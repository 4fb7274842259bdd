/**
 * A new version of the GloVe composition (GLOVE_COMPOSITION_VERSION) changes the encoder id: the
 * earlier version's model can never run again. The new version's first model retires it, so
 * `models list` shows one active GloVe model and `models rollback` needs no `--encoder`; a
 * database where both are still active (upgraded before this rule) is tidied at the next run.
 * Real parts: PostgreSQL, the mini GloVe fixture, the CLI.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/logger.js';
import { openApp, type App } from '../../src/main.js';
import { GLOVE_COMPOSITION_VERSION, GLOVE_ENCODER_ID } from '../../src/ml/encoder/glove/glove-encoder.js';
import { toExamples } from '../../src/ml/seed/labelled-to-examples.js';
import { MINI_GLOVE_PATH } from '../fixtures/glove/mini-glove.js';
import { createTempDatabase, type TempDatabase } from '../support/pg-database.js';
import { FIXTURE_EXAMPLES } from '../support/test-app.js';

const EARLIER_ID = GLOVE_ENCODER_ID.replace(/:v\d+$/, `:v${GLOVE_COMPOSITION_VERSION - 1}`);

let root: string;
let db: TempDatabase;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-upgrade-'));
  db = await createTempDatabase();
});

afterAll(async () => {
  await db?.drop();
  if (root) await fs.rm(root, { recursive: true, force: true });
});

const env = (): Record<string, string> => ({
  DATABASE_URL: db.url,
  ATTRIBOT_DATA_DIR: path.join(root, 'data'),
  GLOVE_SOURCE: MINI_GLOVE_PATH,
  ALLOW_REMOTE_MODELS: 'false',
  TRAIN_BACKEND: 'wasm',
  LOG_LEVEL: 'silent',
  ENCODER: 'glove',
});

async function open(): Promise<App> {
  await fs.mkdir(path.join(root, 'data'), { recursive: true });
  return openApp(loadConfig(env(), root, { dotenv: false }), createLogger('silent'));
}

/** What an earlier build left: a model trained on the earlier composition's vectors. */
async function relabelAsEarlierVersion(id: number): Promise<void> {
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  try {
    await c.query('UPDATE model_versions SET encoder_id = $1 WHERE id = $2', [EARLIER_ID, id]);
  } finally {
    await c.end();
  }
}

async function cli(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { env: env(), cwd: root, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('a new GloVe composition version', () => {
  it('retires the earlier version’s model when its own first model is promoted, and tidies a database where both are active', async () => {
    let app = await open();
    await app.storage.examples.upsertMany(toExamples(FIXTURE_EXAMPLES, 'import'));
    const earlier = await app.trainer.retrain({ trigger: 'cli', requestedBy: 'test', always: true });
    expect(earlier.status).toBe('promoted');
    if (earlier.status !== 'promoted') return;
    await app.close();
    await relabelAsEarlierVersion(earlier.modelId);

    app = await open();
    const first = await app.trainer.retrain({ trigger: 'startup', requestedBy: null, always: true });
    expect(first.status).toBe('promoted');
    if (first.status !== 'promoted') return;
    expect(first.reason).toContain(`model ${earlier.modelId} was not compared: its encoder cannot run here`);
    expect(await app.storage.models.get(earlier.modelId)).toMatchObject({
      status: 'retired',
      reason: `superseded by ${GLOVE_ENCODER_ID} model ${first.modelId}: ${EARLIER_ID} no longer runs in this version`,
    });
    const second = await app.trainer.retrain({ trigger: 'cli', requestedBy: 'test', always: true });
    expect(second.status).toBe('promoted');
    await app.close();

    const listed = await cli(['models', 'list']);
    expect(listed.out.filter((l) => / active /.test(l))).toHaveLength(1);
    const rolled = await cli(['models', 'rollback']);
    expect(rolled.err).toEqual([]);
    expect(rolled).toMatchObject({ code: 0, out: [`rolled back: model v${first.modelId} is active`] });

    // A database an earlier build of this version left with both active: the next run retires it.
    app = await open();
    await app.storage.models.activate(earlier.modelId, 'left active by an earlier build');
    expect((await app.storage.models.list()).filter((m) => m.status === 'active')).toHaveLength(2);
    const nightly = await app.trainer.retrain({ trigger: 'cron', requestedBy: null });
    expect(nightly.status).toBe('skipped');
    expect((await app.storage.models.get(earlier.modelId))?.status).toBe('retired');
    expect((await app.storage.models.list()).filter((m) => m.status === 'active').map((m) => m.encoderId)).toEqual([GLOVE_ENCODER_ID]);
    expect((await app.storage.audit.list(20)).filter((e) => e.action === 'model.retired' && e.subject === `model:${earlier.modelId}`)).toHaveLength(2);
    await app.close();
  }, 600_000);
});
