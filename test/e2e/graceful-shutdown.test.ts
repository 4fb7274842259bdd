import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/storage/open-storage.js';
import type { Storage } from '../../src/core/ports.js';
import { toExamples } from '../../src/ml/seed/labelled-to-examples.js';
import { MINI_GLOVE_PATH } from '../fixtures/glove/mini-glove.js';
import { FakeSlackApi } from '../fakes/slack/fake-slack-api.js';
import { SlackEventsClient } from '../fakes/slack/signed-client.js';
import { eventually } from '../fakes/slack/slack-driver.js';
import { createTempDatabase, type TempDatabase } from '../support/pg-database.js';
import { FIXTURE_EXAMPLES } from '../support/test-app.js';

const SECRET = 'shutdown-test-secret';

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

describe('graceful shutdown of `attribot start` (Slack, PostgreSQL)', () => {
  let db: TempDatabase;
  let storage: Storage;
  let fake: FakeSlackApi;
  let dataDir: string;
  beforeAll(async () => {
    db = await createTempDatabase();
    storage = await openStorage({ databaseUrl: db.url, pgliteDir: '' });
    await storage.examples.upsertMany(toExamples(FIXTURE_EXAMPLES, 'import'));
    fake = await FakeSlackApi.start();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-sigterm-'));
  });
  afterAll(async () => {
    await storage?.close();
    await fake?.close();
    await db?.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('SIGTERM during a burst of reactions: every acknowledged vote is in the database and the process exits by itself', async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'start', '--role', 'bot'], {
      env: {
        ...process.env,
        DATABASE_URL: db.url,
        ATTRIBOT_DATA_DIR: dataDir,
        ENCODER: 'glove',
        GLOVE_SOURCE: MINI_GLOVE_PATH,
        AUTO_SEED: 'false',
        PORT: String(port),
        SLACK_BOT_TOKEN: fake.identity.token,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: fake.apiUrl,
        RATE_LIMIT_PER_MINUTE: '1000',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const stderr: string[] = [];
    child.stderr.on('data', (d: Buffer) => stderr.push(d.toString()));
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    const client = new SlackEventsClient(`http://127.0.0.1:${port}/slack/events`, SECRET, {
      teamId: fake.identity.teamId,
      botUserId: fake.identity.botUserId,
      responseUrl: (id) => fake.responseUrl(id),
    });
    await eventually(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.ok, 60_000);

    expect((await client.command({ command: '/attribute', text: 'huge', userId: 'U1', channelId: 'C1' })).status).toBe(200);
    const prediction = await eventually(async () => {
      const p = await storage.predictions.latestForUser('slack', 'U1');
      return p?.messageId ? p : null;
    });
    const ts = prediction.messageId ?? '';

    let acked = 0;
    const burst = Array.from({ length: 300 }, (_, i) => async () => {
      const r = await client.reactionAdded({ user: `UV${i}`, name: 'two', channel: 'C1', ts }).catch(() => null);
      if (r?.status === 200) acked++;
    });
    const sending = (async () => {
      for (let i = 0; i < burst.length; i += 10) await Promise.all(burst.slice(i, i + 10).map((f) => f()));
    })();
    await eventually(() => acked >= 50);
    child.kill('SIGTERM');
    await sending;
    // Exits by itself (the test's timeout bounds how long it may take).
    const code = await exited;
    expect(code, stderr.join('')).toBe(0);
    const votes = await storage.feedback.listForPrediction(prediction.id);
    expect(acked).toBeGreaterThanOrEqual(50);
    expect(votes.length).toBeGreaterThanOrEqual(acked);
  }, 120_000);
});
