import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Storage } from '../../src/core/ports.js';
import { toExamples } from '../../src/ml/seed/labelled-to-examples.js';
import { openStorage } from '../../src/storage/open-storage.js';
import { MINI_GLOVE_PATH } from '../fixtures/glove/mini-glove.js';
import { FakeSlackApi } from '../fakes/slack/fake-slack-api.js';
import { SlackEventsClient } from '../fakes/slack/signed-client.js';
import { eventually } from '../fakes/slack/slack-driver.js';
import { createTempDatabase, type TempDatabase } from '../support/pg-database.js';
import { FIXTURE_EXAMPLES } from '../support/test-app.js';

const SECRET = 'two-process-secret';

/** One `attribot start` child process serving the Slack app over HTTP on its own port. */
export interface BotProcess {
  role: 'all' | 'bot';
  port: number;
  client: SlackEventsClient;
  child: ChildProcess;
  /** The last lines the process wrote (stdout and stderr), for failure messages. */
  output: string[];
}

/**
 * A bot + trainer deployment on one PostgreSQL database, both processes answering the same Slack
 * app: `a` runs `--role all` (the trainer, which also answers; it trains the first model at start)
 * and `b` runs `--role bot` (answers only, never trains). Slack's requests are signed HTTP to each
 * process's port; both call the same fake Slack Web API.
 */
export interface TwoProcessSlack {
  db: TempDatabase;
  /** The test's own connection to the database (reads only). */
  storage: Storage;
  fake: FakeSlackApi;
  a: BotProcess;
  b: BotProcess;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', () => r()));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise((r) => srv.close(r));
  return port;
}

async function startProcess(role: BotProcess['role'], db: TempDatabase, fake: FakeSlackApi, dataDir: string): Promise<BotProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'start', '--role', role], {
    env: {
      ...process.env,
      DATABASE_URL: db.url,
      ATTRIBOT_DATA_DIR: dataDir,
      ENCODER: 'glove',
      GLOVE_SOURCE: MINI_GLOVE_PATH,
      TRAIN_BACKEND: 'wasm',
      AUTO_SEED: 'false',
      // Never during a test: any retrain would be one this test did not ask for.
      RETRAIN_CRON: '0 0 1 1 *',
      RATE_LIMIT_PER_MINUTE: '10000',
      PORT: String(port),
      SLACK_BOT_TOKEN: fake.identity.token,
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: fake.apiUrl,
      RECONCILE_DAYS: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter((l) => l !== ''));
    output.splice(0, Math.max(0, output.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  try {
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`attribot start --role ${role} exited (${child.exitCode}):\n${output.join('\n')}`);
      return (await fetch(`http://127.0.0.1:${port}/readyz`).catch(() => null))?.ok;
    }, 180_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  const client = new SlackEventsClient(`http://127.0.0.1:${port}/slack/events`, SECRET, {
    teamId: fake.identity.teamId,
    botUserId: fake.identity.botUserId,
    responseUrl: (id) => fake.responseUrl(id),
  });
  return { role, port, client, child, output };
}

async function stopProcess(p: BotProcess | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** Starts the two processes (trainer first: it trains the model both answer with) on a fresh database holding the fixture examples. */
export async function startTwoProcessSlack(): Promise<TwoProcessSlack> {
  const db = await createTempDatabase();
  const storage = await openStorage({ databaseUrl: db.url, pgliteDir: '' });
  const fake = await FakeSlackApi.start();
  const dirs = await Promise.all([0, 1].map(() => fs.mkdtemp(path.join(os.tmpdir(), 'attribot-two-process-'))));
  let a: BotProcess | undefined;
  let b: BotProcess | undefined;
  const close = async () => {
    await Promise.all([stopProcess(a), stopProcess(b)]);
    await storage.close();
    await fake.close();
    await db.drop();
    await Promise.all(dirs.map((d) => fs.rm(d, { recursive: true, force: true })));
  };
  try {
    await storage.examples.upsertMany(toExamples(FIXTURE_EXAMPLES, 'import'));
    a = await startProcess('all', db, fake, dirs[0] as string);
    b = await startProcess('bot', db, fake, dirs[1] as string);
    return { db, storage, fake, a, b, close };
  } catch (err) {
    await close();
    throw err;
  }
}

/** A prediction message one process posted: where it is, its headline label and its numbered candidates. */
export interface PostedAnswer {
  channel: string;
  ts: string;
  text: string;
  /** What the first line answers (`“huge” → size` or `→ size? not sure…`). */
  headline: string;
  /** The labels shown next to 1️⃣–5️⃣, in order. */
  candidates: string[];
  /** When the answer reached Slack (ms since the epoch). */
  at: number;
}

/** `/attribute <phrase>` sent to one process; resolves with the message it posted (its reactions added). */
export async function ask(t: TwoProcessSlack, p: BotProcess, userId: string, phrase: string, channel = 'C1'): Promise<PostedAnswer> {
  const before = t.fake.calls('chat.postMessage').length;
  const ack = await p.client.command({ command: '/attribute', text: phrase, userId, channelId: channel });
  if (ack.status !== 200) throw new Error(`/attribute on --role ${p.role} was answered ${ack.status}: ${ack.body}`);
  const post = await t.fake.waitFor(() => t.fake.calls('chat.postMessage')[before], 30_000);
  const at = Date.now();
  const ts = String(post.answer?.['ts']);
  await t.fake.waitFor(() => t.fake.calls('reactions.add').filter((c) => c.body['timestamp'] === ts).length === 7, 30_000);
  const text = String(post.body['text']);
  const headline = /→ (.+?)(?:\? not sure.*)?$/m.exec(text)?.[1] ?? '';
  const candidates = [...text.matchAll(/^\S+ (.+) — (?:<|&lt;)?\d+%$/gm)].map((m) => m[1] ?? '');
  return { channel, ts, text, headline, candidates, at };
}

/** A user adds (or removes) a reaction in Slack, and Slack delivers the event to one process; returns the HTTP status. */
export async function react(t: TwoProcessSlack, p: BotProcess, at: { channel: string; ts: string }, user: string, name: string, added = true): Promise<number> {
  const msg = t.fake.message(at.channel, at.ts);
  if (msg) {
    if (added) t.fake.store.addReaction(msg, name, user);
    else t.fake.store.removeReaction(msg, name, user);
  }
  const r = { user, name, channel: at.channel, ts: at.ts };
  return (added ? await p.client.reactionAdded(r) : await p.client.reactionRemoved(r)).status;
}

/** Slack's names of the numbered vote reactions, 1️⃣–5️⃣. */
export const NUMBER_NAMES = ['one', 'two', 'three', 'four', 'five'] as const;

const TRAINED_LABELS = new Set(FIXTURE_EXAMPLES.flatMap((e) => e.labels));

/**
 * The first candidate after the answer that the model has a class for (a fixture label), with the
 * name of its reaction: a vote for it is learned at once. (A candidate the scorer proposes from the
 * phrase's own words, e.g. “light” for “light”, is learned at the next retrain.)
 */
export function otherTrainedCandidate(a: PostedAnswer): { label: string; reaction: string } {
  const i = a.candidates.findIndex((c, j) => j > 0 && c !== a.headline && TRAINED_LABELS.has(c));
  const reaction = NUMBER_NAMES[i];
  if (i < 0 || reaction === undefined) throw new Error(`no other trained label among the candidates of: ${a.text}`);
  return { label: a.candidates[i] as string, reaction };
}

/**
 * Asks `phrase` on `p` until `done` holds for the answer, at most `attempts` times (no clock: a
 * bounded number of requests); returns the answer that satisfied it and how many were asked.
 */
export async function askUntil(
  t: TwoProcessSlack,
  p: BotProcess,
  phrase: string,
  done: (a: PostedAnswer) => boolean,
  attempts = 200,
): Promise<{ answer: PostedAnswer; asked: number }> {
  let last: PostedAnswer | undefined;
  for (let i = 1; i <= attempts; i++) {
    last = await ask(t, p, `UPOLL${i % 7}`, phrase);
    if (done(last)) return { answer: last, asked: i };
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`--role ${p.role} never answered “${phrase}” as expected in ${attempts} requests; last: ${last?.text ?? 'none'}`);
}
