/**
 * Dashboard server time per page with 100,000 votes and 50 model versions (target ≤ 300 ms).
 * A temporary PostgreSQL database (127.0.0.1:5432, as the tests use) is filled by SQL, then each
 * page is rendered through the dashboard's hono app (no network): first request and p50/max of
 * the following ones. The review page's weights come from a worker thread after the first look;
 * `review_figures_ready_ms` is how long until they show, and the review timings are taken after.
 * Prints JSON last (with the machine's load average: the timings are only as quiet as the machine).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config/load.js';
import { signInLinks } from '../src/dashboard/auth/sign-in-links.js';
import { dashboardApp } from '../src/dashboard/dashboard-app.js';
import { dashboardDepsOf } from '../src/dashboard/from-app.js';
import { createLogger } from '../src/logger.js';
import { openApp } from '../src/main.js';
import { loadGloveEncoder } from '../src/ml/encoder/glove/glove-encoder.js';
import { MINI_GLOVE_PATH } from '../test/fixtures/glove/mini-glove.js';
import { createTempDatabase } from '../test/support/pg-database.js';

const VOTES = 100_000;
const PREDICTIONS = 25_000;
const MODELS = 50;
const RUNS = 10;

const db = await createTempDatabase('attribot_bench');
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-bench-'));
try {
  const config = loadConfig({ DATABASE_URL: db.url, ATTRIBOT_DATA_DIR: dataDir, ENCODER: 'glove', LOG_LEVEL: 'silent' }, dataDir, { dotenv: false });
  const encoder = await loadGloveEncoder({ dataDir, sourcePath: MINI_GLOVE_PATH });
  const app = await openApp(config, createLogger('silent'), { encoder });
  const sql = new pg.Client({ connectionString: db.url });
  await sql.connect();
  const t0 = performance.now();
  await fill(sql, encoder.id);
  const fillMs = performance.now() - t0;
  await sql.end();

  const deps = dashboardDepsOf(app);
  const hono = dashboardApp(deps);
  const origin = 'http://bench.local';
  const link = await signInLinks(app.storage.dashboardAuth, origin).mint({ platform: 'console', userId: 'bench', isAdmin: true });
  const signInPage = await hono.fetch(new Request(link.url));
  const nonce = signInPage.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('attribot_sign_in=')) ?? '';
  const form = await signInPage.text();
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(form)?.[1] ?? '';
  const signedIn = await hono.fetch(
    new Request(`${origin}/admin/sign-in`, { method: 'POST', headers: { cookie: nonce, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: hidden('token'), _csrf: hidden('_csrf') }) }),
  );
  const cookie = signedIn.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('attribot_session=')) ?? '';
  if (!cookie) throw new Error(`bench: sign-in failed (${signedIn.status})`);

  const get = (page: string) => hono.fetch(new Request(`${origin}${page}`, { headers: { cookie } }));
  // The review's weights are computed in a worker after the first look: time until they show.
  const reviewStart = performance.now();
  while (!(await (await get('/admin/review')).text()).includes('Weights and disagreements from')) await new Promise((r) => setTimeout(r, 50));
  const reviewFiguresMs = performance.now() - reviewStart;

  const pages: Record<string, { first_ms: number; p50_ms: number; max_ms: number; bytes: number }> = {};
  for (const page of ['/admin', '/admin/review', '/admin/models', '/admin/data', '/admin/data/export.tsv']) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i <= RUNS; i++) {
      const start = performance.now();
      const res = await get(page);
      const body = await res.text();
      times.push(performance.now() - start);
      if (res.status !== 200) throw new Error(`bench: ${page} answered ${res.status}`);
      bytes = body.length;
    }
    const [first = 0, ...rest] = times;
    rest.sort((a, b) => a - b);
    pages[page] = { first_ms: round(first), p50_ms: round(rest[Math.floor(rest.length / 2)] ?? 0), max_ms: round(rest[rest.length - 1] ?? 0), bytes };
  }
  await app.close();
  console.log(JSON.stringify({ votes: VOTES, predictions: PREDICTIONS, model_versions: MODELS, fill_ms: round(fillMs), review_figures_ready_ms: round(reviewFiguresMs), cores: os.availableParallelism(), load_average_1m: round(os.loadavg()[0] ?? 0), pages }));
} finally {
  await db.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

/** Deterministic data: 5,000 phrases, 2,000 voters, 50 labels; four votes per prediction, some disagreeing. */
async function fill(sql: pg.Client, encoderId: string): Promise<void> {
  await sql.query(`INSERT INTO training_examples (phrase, label, source, weight)
    SELECT 'phrase ' || i, 'l' || (i % 50), 'import', 1 FROM generate_series(0, 4999) AS i`);
  await sql.query(
    `INSERT INTO model_versions (encoder_id, labels, weights, metrics, status, reason, created_at)
     SELECT $1, '[]'::jsonb, '\\x00'::bytea,
       jsonb_build_object('sets', jsonb_build_object('holdout', jsonb_build_object('n', 500, 'top1', 0.3 + i * 0.004, 'top5', 0.5 + i * 0.005, 'mrr', 0.4 + i * 0.004, 'coverage', 1, 'ece', 0.2 - i * 0.002)),
         'gateTop1', 0.3 + i * 0.004, 'examples', 5000 + i * 10, 'labels', 50),
       CASE WHEN i = $2 THEN 'active'::"ModelStatus" ELSE 'retired'::"ModelStatus" END, 'bench', now() - make_interval(days => $2 - i)
     FROM generate_series(1, $2) AS i`,
    [encoderId, MODELS],
  );
  await sql.query(
    `INSERT INTO predictions (platform, workspace_id, channel_id, message_id, user_id, phrase_raw, phrase, candidates, encoder_id, created_at)
     SELECT 'discord', 'g', 'c', 'm' || i, 'u' || (i % 2000), 'phrase ' || (i % 5000), 'phrase ' || (i % 5000),
       jsonb_build_array(jsonb_build_object('label', 'l' || (i % 50), 'p', 0.5)), $1, now() - make_interval(days => i % 30)
     FROM generate_series(0, $2 - 1) AS i`,
    [encoderId, PREDICTIONS],
  );
  await sql.query(
    `INSERT INTO feedback (prediction_id, user_id, kind, label, created_at)
     SELECT p.id, 'u' || ((k * 7 + r) % 2000), 'choose', 'l' || ((k + r * (k % 3)) % 50), p.created_at + make_interval(mins => r)
     FROM generate_series(0, $1 - 1) AS i
     CROSS JOIN LATERAL (SELECT i % $2 AS k, i / $2 AS r) AS x
     JOIN predictions p ON p.id = (SELECT min(id) FROM predictions) + x.k`,
    [VOTES, PREDICTIONS],
  );
  // What autovacuum does on a live database: without statistics the planner sorts 100,000 rows on disk.
  await sql.query('ANALYZE');
}
