import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { dashboardRoutes } from '../../src/dashboard/dashboard-routes.js';
import { dashboardDepsOf } from '../../src/dashboard/from-app.js';
import { opsRoutes } from '../../src/ops/ops-routes.js';
import { startSlackHarness } from '../fakes/slack/slack-harness.js';
import { MINI_GLOVE_PATH } from '../fixtures/glove/mini-glove.js';
import { count, startDashboardHarness, type DashboardHarness } from './dashboard-harness.js';

/** Presses "Sign in" on a link's page as a browser would; the status of that POST. */
async function signInStatus(origin: string, url: string): Promise<number> {
  const page = await fetch(url);
  const nonce = page.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith('attribot_sign_in=')) ?? '';
  const text = await page.text();
  const hidden = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(text)?.[1] ?? '';
  const res = await fetch(`${origin}/admin/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: nonce, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: hidden('token'), _csrf: hidden('_csrf') }),
  });
  return res.status;
}

/** The link's token on the test server's origin (the app's PUBLIC_URL default names PORT 3000). */
const onServer = (origin: string, link: string) => `${origin}/admin/sign-in?token=${new URL(link).searchParams.get('token') ?? ''}`;

describe('dashboard entry points', () => {
  let h: DashboardHarness;
  beforeAll(async () => {
    h = await startDashboardHarness();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  it('/attribute-admin dashboard gives an admin a private one-time link and refuses everyone else', async () => {
    const links = () => count(h.sql, `SELECT count(*) AS n FROM dashboard_links`);
    const before = await links();
    const refused = await h.t.core.admin({ platform: 'slack', workspaceId: 'T', channelId: 'C', userId: 'U9', isAdmin: false }, 'dashboard');
    expect(refused).toMatchObject({ kind: 'error', ephemeral: true });
    expect(await links()).toBe(before);

    const reply = await h.t.core.admin({ platform: 'slack', workspaceId: 'T', channelId: 'C', userId: 'UADMIN', isAdmin: true }, 'dashboard');
    expect(reply).toMatchObject({ kind: 'text', ephemeral: true });
    const link = /(https?:\/\/\S+\/admin\/sign-in\?token=\S+)/.exec(reply.text)?.[1] ?? '';
    expect(link).not.toBe('');
    expect(reply.text).toContain('10 minutes');
    const row = await h.sql.query<{ user_key: string; is_admin: boolean }>(`SELECT user_key, is_admin FROM dashboard_links ORDER BY created_at DESC LIMIT 1`);
    expect(row.rows[0]).toEqual({ user_key: 'slack:UADMIN', is_admin: true });
    // Only the token's hash is stored.
    expect(await count(h.sql, `SELECT count(*) AS n FROM dashboard_links WHERE token_hash = $1`, [new URL(link).searchParams.get('token')])).toBe(0);
    expect(await signInStatus(h.origin, onServer(h.origin, link))).toBe(303);
    expect(await count(h.sql, `SELECT count(*) AS n FROM audit_log WHERE action = 'dashboard.sign-in' AND actor = 'slack:UADMIN'`)).toBe(1);
  });

  it('attribot dashboard link prints a link on PUBLIC_URL that signs the owner in', async () => {
    const out: string[] = [];
    const code = await runCli(['dashboard', 'link'], {
      env: { LOG_LEVEL: 'silent', DATABASE_URL: h.t.databaseUrl, ENCODER: 'glove', GLOVE_SOURCE: MINI_GLOVE_PATH, ATTRIBOT_DATA_DIR: h.t.app.config.dataDir, AUTO_SEED: 'false', PUBLIC_URL: `${h.origin}/` },
      cwd: h.t.app.config.dataDir,
      out: (l) => out.push(l),
      err: (l) => out.push(l),
    });
    expect(code, out.join('\n')).toBe(0);
    const link = out[0] ?? '';
    expect(link.startsWith(`${h.origin}/admin/sign-in?token=`)).toBe(true);
    expect(await signInStatus(h.origin, link)).toBe(303);
    expect(await signInStatus(h.origin, link)).toBe(401);
  });

  it('the Slack receiver in HTTP mode serves /admin beside /healthz; /attribute-admin dashboard answers an admin privately there', async () => {
    const routes = [
      ...opsRoutes({ storage: h.t.storage, metrics: h.t.app.metrics, modelLoaded: () => true, closing: () => false }),
      ...dashboardRoutes(dashboardDepsOf(h.t.app)),
    ];
    const slack = await startSlackHarness({ core: h.t.core, adminUserIds: ['UBOSS'], customRoutes: routes });
    try {
      const origin = `http://127.0.0.1:${slack.adapter.port}`;
      expect((await fetch(`${origin}/healthz`)).status).toBe(200);
      for (const path of ['/admin', '/admin/review', '/admin/data/export.tsv']) expect((await fetch(`${origin}${path}`)).status, path).toBe(401);

      const replies = slack.fake.calls('response_url').length;
      await slack.client.command({ command: '/attribute-admin', text: 'dashboard', userId: 'UNOBODY', channelId: 'C1' });
      const refused = await slack.fake.waitFor(() => slack.fake.calls('response_url')[replies]);
      expect(refused.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/only attribot admins/) as unknown });
      await slack.client.command({ command: '/attribute-admin', text: 'dashboard', userId: 'UBOSS', channelId: 'C1' });
      const reply = await slack.fake.waitFor(() => slack.fake.calls('response_url')[replies + 1]);
      expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
      const link = /(https?:\/\/\S+\/admin\/sign-in\?token=[\w-]+)/.exec(String(reply.body['text']))?.[1] ?? '';
      expect(link).not.toBe('');
      expect(await signInStatus(origin, onServer(origin, link))).toBe(303);
    } finally {
      await slack.stop();
    }
  });
});
