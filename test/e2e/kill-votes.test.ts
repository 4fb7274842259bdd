import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/core/ports.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { MINI_GLOVE_PATH } from '../fixtures/glove/mini-glove.js';
import { FakeSlackApi } from '../fakes/slack/fake-slack-api.js';
import { SlackEventsClient } from '../fakes/slack/signed-client.js';
import { eventually } from '../fakes/slack/slack-driver.js';
import { compareSlackTallies, type BurstMessage } from '../fakes/slack/vote-burst.js';
import { seeded } from '../support/vote-tally.js';
import { toExamples } from '../../src/ml/seed/labelled-to-examples.js';
import { createTempDatabase, type TempDatabase } from '../support/pg-database.js';
import { FIXTURE_EXAMPLES } from '../support/test-app.js';

const SECRET = 'kill-test-secret';
const NAMES = ['one', 'two', 'three', 'white_check_mark', 'x'];

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

describe('kill -9 mid-burst (Slack over signed HTTP, PostgreSQL, `attribot start` as a child process)', () => {
  let db: TempDatabase;
  let storage: Storage;
  let fake: FakeSlackApi;
  let dataDir: string;
  let child: ChildProcess | undefined;
  beforeAll(async () => {
    db = await createTempDatabase();
    storage = await openStorage({ databaseUrl: db.url, pgliteDir: '' });
    await storage.examples.upsertMany(toExamples(FIXTURE_EXAMPLES, 'import'));
    fake = await FakeSlackApi.start();
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-kill-'));
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await storage?.close();
    await fake?.close();
    await db?.drop();
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  const startBot = async (port: number, reconcileDays: number) => {
    const bot = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'start', '--role', 'bot'], {
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
        RECONCILE_DAYS: String(reconcileDays),
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
    await eventually(async () => (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.ok, 90_000);
    return bot;
  };

  it('every acknowledged vote is in the database without reconciliation; with it, every reaction left is recorded', async () => {
    // 20 prediction messages, as the bot would have posted them before.
    const messages: BurstMessage[] = [];
    for (let i = 0; i < 20; i++) {
      const msg = fake.store.post('CKILL', fake.identity.botUserId, `prediction ${i}`);
      const p = await storage.predictions.create({
        platform: 'slack', workspaceId: fake.identity.teamId, channelId: 'CKILL', messageId: msg.ts, userId: 'UASK',
        phraseRaw: 'very large', phrase: 'very large', candidates: [{ label: 'size', p: 0.6 }, { label: 'weight', p: 0.2 }, { label: 'height', p: 0.1 }], encoderId: 'glove', modelVersionId: null,
      });
      messages.push({ channel: 'CKILL', ts: msg.ts, predictionId: p.id });
    }
    const port = await freePort();
    child = await startBot(port, 0);
    const client = new SlackEventsClient(`http://127.0.0.1:${port}/slack/events`, SECRET, {
      teamId: fake.identity.teamId, botUserId: fake.identity.botUserId, responseUrl: (id) => fake.responseUrl(id),
    });

    // Users add reactions; the workspace keeps them whether or not the bot answered.
    const rand = seeded(9);
    const killAfter = 150 + Math.floor(rand() * 300);
    const acked: { user: string; name: string; m: BurstMessage }[] = [];
    const ops = Array.from({ length: 1_500 }, (_, i) => ({ user: `UK${i % 100}`, name: NAMES[Math.floor(rand() * NAMES.length)] as string, m: messages[Math.floor(rand() * messages.length)] as BurstMessage }));
    let next = 0;
    let killed = false;
    const sender = async () => {
      for (let op = ops[next++]; op; op = ops[next++]) {
        const msg = fake.message(op.m.channel, op.m.ts);
        if (!msg || !fake.store.addReaction(msg, op.name, op.user)) continue;
        const r = await client.reactionAdded({ user: op.user, name: op.name, channel: op.m.channel, ts: op.m.ts }).catch(() => null);
        if (r?.status === 200) acked.push(op);
        if (acked.length >= killAfter && !killed) {
          killed = true;
          child?.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 50 }, sender));
    expect(killed).toBe(true);
    expect(acked.length).toBeGreaterThanOrEqual(killAfter);

    // Without any reconciliation: each acknowledged vote is stored.
    const missing = [];
    for (const a of acked) {
      const votes = await storage.feedback.listForPrediction(a.m.predictionId);
      if (!votes.some((v) => v.userId === a.user)) missing.push(a);
    }
    expect(missing).toEqual([]);

    // Restarted with reconciliation: every reaction left on the messages is recorded, nothing extra.
    child = await startBot(port, 7);
    await eventually(async () => (await compareSlackTallies(storage, fake, messages)).lost === 0, 120_000);
    expect(await compareSlackTallies(storage, fake, messages)).toMatchObject({ lost: 0, extra: 0 });
    child.kill('SIGTERM');
  }, 400_000);
});
