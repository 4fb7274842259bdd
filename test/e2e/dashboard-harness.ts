import pg from 'pg';
import type { ChatContext } from '../../src/core/chat/chat-core.js';
import { signInLinks } from '../../src/dashboard/auth/sign-in-links.js';
import { dashboardRoutes } from '../../src/dashboard/dashboard-routes.js';
import { dashboardDepsOf } from '../../src/dashboard/from-app.js';
import { opsRoutes } from '../../src/ops/ops-routes.js';
import { startOpsServer } from '../../src/ops/ops-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A real app (PostgreSQL, GloVe fixture) serving /healthz and /admin on a random port, with a disputed phrase and two models. */
export interface DashboardHarness {
  t: TestApp;
  origin: string;
  /** Mints a sign-in link as `/attribute-admin dashboard` does (`now` moves its clock). */
  link(opts?: { isAdmin?: boolean; now?: () => Date }): Promise<string>;
  /** A direct connection to the app's database, for checking what changed. */
  sql: pg.Client;
  /** The disputed phrase and its prediction. */
  disputed: { phrase: string; predictionId: number };
  close(): Promise<void>;
}

const ctx = (userId: string): ChatContext => ({ platform: 'console', workspaceId: 'w', channelId: 'c', userId, isAdmin: false });

export async function startDashboardHarness(): Promise<DashboardHarness> {
  const t = await createTestApp();
  // A second promoted model, so there is something to roll back to.
  const second = await t.app.trainer.retrain({ trigger: 'cli', requestedBy: 'test', always: true, force: true });
  if (second.status !== 'promoted') throw new Error(`second model not promoted: ${second.status}`);
  const reply = await t.core.attribute(ctx('u1'), 'huge');
  if (reply.kind !== 'prediction') throw new Error('no prediction');
  await t.core.attachMessage(reply.predictionId, 'm-huge');
  for (const [user, emoji] of [['u1', '2️⃣'], ['u2', '3️⃣'], ['u3', '2️⃣'], ['u4', '4️⃣']] as const) {
    await t.core.reaction({ platform: 'console', channelId: 'c', messageId: 'm-huge', userId: user, emoji, added: true });
  }
  const routes = [
    ...opsRoutes({ storage: t.storage, metrics: t.app.metrics, modelLoaded: () => true, closing: () => false }),
    ...dashboardRoutes(dashboardDepsOf(t.app)),
  ];
  const server = await startOpsServer(routes, 0);
  const origin = `http://127.0.0.1:${server.port}`;
  const sql = new pg.Client({ connectionString: t.databaseUrl });
  await sql.connect();
  return {
    t,
    origin,
    sql,
    disputed: { phrase: 'huge', predictionId: reply.predictionId },
    link: async (opts = {}) => (await signInLinks(t.storage.dashboardAuth, origin, opts.now).mint({ platform: 'console', userId: 'owner', isAdmin: opts.isAdmin ?? true })).url,
    async close() {
      await sql.end();
      await server.stop();
      await t.close();
    },
  };
}

/** The first value of a number-valued SQL query. */
export async function count(sql: pg.Client, query: string, params: unknown[] = []): Promise<number> {
  const r = await sql.query<{ n: string | number }>(query, params);
  return Number(r.rows[0]?.n ?? NaN);
}
