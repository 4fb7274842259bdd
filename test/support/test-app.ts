import { afterAll, beforeAll } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../src/config/load.js';
import type { ChatCore } from '../../src/core/chat/chat-core.js';
import type { Storage } from '../../src/core/ports.js';
import { createLogger } from '../../src/logger.js';
import { openApp, type App } from '../../src/main.js';
import { loadGloveEncoder } from '../../src/ml/encoder/glove/glove-encoder.js';
import { toExamples } from '../../src/ml/seed/labelled-to-examples.js';
import { MINI_GLOVE_PATH } from '../fixtures/glove/mini-glove.js';
import { createTempDatabase } from './pg-database.js';

/** A small labelled vocabulary over the mini GloVe fixture's words. */
export const FIXTURE_EXAMPLES: { phrase: string; labels: string[] }[] = Object.entries({
  size: ['large', 'huge', 'tiny', 'big', 'small', 'massive', 'enormous', 'bulky', 'teeny'],
  weight: ['heavy', 'fat', 'light', 'chubby'],
  temperature: ['hot', 'cold', 'warm', 'chilly', 'icy', 'freezing', 'boiling', 'cool'],
  value: ['expensive', 'cheap', 'costly', 'valuable', 'worth'],
  smell: ['smelly', 'stinky', 'fishy', 'stinking', 'rotten'],
  danger: ['dangerous', 'risky', 'safe', 'scary'],
  taste: ['tasty', 'delicious', 'salty', 'sweet', 'bitter', 'cheesy'],
  sound: ['loud', 'quiet', 'noise'],
  speed: ['fast', 'slow', 'quick'],
  strength: ['strong', 'weak'],
  beauty: ['handsome', 'ugly', 'cute', 'adorable'],
  wealth: ['rich', 'poor'],
}).flatMap(([label, phrases]) => phrases.map((phrase) => ({ phrase, labels: [label] })));

export interface TestApp {
  core: ChatCore;
  storage: Storage;
  databaseUrl: string;
  app: App;
  close(): Promise<void>;
}

/**
 * A real attribot core for end-to-end tests: a temporary PostgreSQL database, the mini GloVe
 * fixture encoder, the fixture examples and a first trained model (wasm backend, seeded).
 */
export async function createTestApp(opts: { adminUserIds?: string[]; train?: boolean; gateOnFixture?: boolean } = {}): Promise<TestApp> {
  const db = await createTempDatabase();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-app-'));
  const gateFile = path.join(dataDir, 'gate.tsv');
  await fs.writeFile(gateFile, FIXTURE_EXAMPLES.map((e) => `${e.phrase}\t${e.labels.join(',')}`).join('\n'));
  const config = loadConfig(
    {
      DATABASE_URL: db.url,
      ATTRIBOT_DATA_DIR: dataDir,
      ENCODER: 'glove',
      TRAIN_BACKEND: 'wasm',
      RATE_LIMIT_PER_MINUTE: '10000',
      ADMIN_USER_IDS: (opts.adminUserIds ?? []).join(','),
      LOG_LEVEL: 'silent',
      GATE_MARGIN: '0.05',
      ...(opts.gateOnFixture ? { GATE_EVAL_FILES: gateFile } : {}),
    },
    dataDir,
    { dotenv: false },
  );
  const logger = createLogger('silent');
  const encoder = await loadGloveEncoder({ dataDir, sourcePath: MINI_GLOVE_PATH });
  const app = await openApp(config, logger, { encoder });
  await app.storage.examples.upsertMany(toExamples(FIXTURE_EXAMPLES, 'import'));
  if (opts.train !== false) {
    const outcome = await app.trainer.retrain({ trigger: 'cli', requestedBy: 'test', always: true });
    if (outcome.status !== 'promoted') throw new Error(`test app: first training did not promote: ${JSON.stringify(outcome)}`);
  }
  return {
    core: app.core,
    storage: app.storage,
    databaseUrl: db.url,
    app,
    async close() {
      await app.close();
      await db.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Registers a {@link createTestApp} for the enclosing `describe` (created before its tests, closed
 * after) and returns a getter for it.
 */
export function useTestApp(opts: Parameters<typeof createTestApp>[0] = {}): () => TestApp {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await createTestApp(opts);
  }, 120_000);
  afterAll(async () => {
    await app?.close();
  });
  return () => {
    if (!app) throw new Error('the test app is not ready');
    return app;
  };
}
