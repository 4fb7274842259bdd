import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dashboardApp } from '../../src/dashboard/dashboard-app.js';
import { dashboardDepsOf } from '../../src/dashboard/from-app.js';
import { count, startDashboardHarness, type DashboardHarness } from './dashboard-harness.js';

/** `name=value` of a Set-Cookie header of the response. */
function cookieOf(res: Response, name: string): string | undefined {
  return res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').find((c) => c.startsWith(`${name}=`));
}

function hidden(page: string, name: string): string {
  return new RegExp(`name="${name}" value="([^"]*)"`).exec(page)?.[1] ?? '';
}

/** Opens a link and presses "Sign in" as a browser would: the response of that POST. */
async function submitLink(origin: string, url: string): Promise<Response> {
  const page = await fetch(url);
  const nonce = cookieOf(page, 'attribot_sign_in') ?? '';
  const text = await page.text();
  return fetch(`${origin}/admin/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie: nonce, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token: hidden(text, 'token'), _csrf: hidden(text, '_csrf') }),
  });
}

describe('dashboard refusals (nothing changes, checked in the database)', () => {
  let h: DashboardHarness;
  beforeAll(async () => {
    h = await startDashboardHarness();
  }, 180_000);
  afterAll(async () => {
    await h?.close();
  });

  const activeModel = () => count(h.sql, `SELECT id AS n FROM model_versions WHERE status = 'active'`);
  const liveVotes = () => count(h.sql, `SELECT count(*) AS n FROM feedback WHERE retracted_at IS NULL`);
  const sessions = () => count(h.sql, `SELECT count(*) AS n FROM dashboard_sessions`);
  const post = (path: string, cookie: string, form: Record<string, string>) =>
    fetch(`${h.origin}${path}`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });

  async function signIn(): Promise<{ cookie: string; csrf: string }> {
    const res = await submitLink(h.origin, await h.link());
    expect(res.status).toBe(303);
    const cookie = cookieOf(res, 'attribot_session') ?? '';
    expect(res.headers.getSetCookie().find((c) => c.startsWith('attribot_session='))).toMatch(/HttpOnly/i);
    expect(res.headers.getSetCookie().find((c) => c.startsWith('attribot_session='))).toMatch(/SameSite=Strict/i);
    const overview = await fetch(`${h.origin}/admin`, { headers: { cookie } });
    expect(overview.status).toBe(200);
    return { cookie, csrf: hidden(await overview.text(), '_csrf') };
  }

  it('answers 401 without a session on every page, leaking nothing, and changes nothing on POST', async () => {
    for (const path of ['/admin', '/admin/review', '/admin/models', '/admin/data', '/admin/data/export.tsv', '/admin/data/export.jsonl', '/admin/models/retrain-status']) {
      const res = await fetch(`${h.origin}${path}`);
      expect(res.status, path).toBe(401);
      const body = await res.text();
      expect(body).toContain('/attribute-admin dashboard');
      expect(body).not.toContain('glove');
      expect(body).not.toContain('huge');
    }
    const [model, votes] = [await activeModel(), await liveVotes()];
    expect((await post('/admin/models/rollback', '', {})).status).toBe(401);
    expect((await post('/admin/review/delete-vote', 'attribot_session=forged', { id: '1' })).status).toBe(401);
    expect(await activeModel()).toBe(model);
    expect(await liveVotes()).toBe(votes);
  });

  it('refuses a reused link, an expired link and a link minted for a non-admin, opening no session', async () => {
    const url = await h.link();
    expect((await submitLink(h.origin, url)).status).toBe(303);
    const before = await sessions();
    const reused = await submitLink(h.origin, url);
    expect(reused.status).toBe(401);
    expect(cookieOf(reused, 'attribot_session')).toBeUndefined();
    const elevenMinutesAgo = () => new Date(Date.now() - 11 * 60_000);
    expect((await submitLink(h.origin, await h.link({ now: elevenMinutesAgo }))).status).toBe(401);
    const nonAdmin = await submitLink(h.origin, await h.link({ isAdmin: false }));
    expect(nonAdmin.status).toBe(403);
    expect(cookieOf(nonAdmin, 'attribot_session')).toBeUndefined();
    expect(await sessions()).toBe(before);
  });

  it('refuses a sign-in POST without the sign-in page cookie (login CSRF) and keeps the link usable', async () => {
    const url = await h.link();
    const token = new URL(url).searchParams.get('token') ?? '';
    const forged = await fetch(`${h.origin}/admin/sign-in`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token, _csrf: 'x' }) });
    expect(forged.status).toBe(403);
    expect((await submitLink(h.origin, url)).status).toBe(303);
  });

  it('refuses a POST with a missing or wrong CSRF token', async () => {
    const { cookie, csrf } = await signIn();
    expect(csrf.length).toBeGreaterThan(20);
    const voteId = await count(h.sql, `SELECT min(id) AS n FROM feedback WHERE retracted_at IS NULL`);
    const [model, votes] = [await activeModel(), await liveVotes()];
    expect((await post('/admin/review/delete-vote', cookie, { id: String(voteId) })).status).toBe(403);
    expect((await post('/admin/review/delete-vote', cookie, { id: String(voteId), _csrf: `${csrf.slice(0, -1)}x` })).status).toBe(403);
    expect((await post('/admin/models/rollback', cookie, { _csrf: 'nope' })).status).toBe(403);
    expect((await post('/admin/review/quarantine', cookie, { platform: 'console', user: 'u2' })).status).toBe(403);
    expect(await activeModel()).toBe(model);
    expect(await liveVotes()).toBe(votes);
    expect(await count(h.sql, `SELECT count(*) AS n FROM quarantined_users`)).toBe(0);
    // The same request with the token goes through: the refusals above were the token's doing.
    expect((await post('/admin/review/delete-vote', cookie, { id: String(voteId), _csrf: csrf })).status).toBe(303);
    expect(await liveVotes()).toBe(votes - 1);
  });

  it('refuses the session after sign-out', async () => {
    const { cookie, csrf } = await signIn();
    expect((await post('/admin/sign-out', cookie, { _csrf: csrf })).status).toBe(200);
    expect(await count(h.sql, `SELECT count(*) AS n FROM dashboard_sessions WHERE ended_at IS NOT NULL`)).toBeGreaterThanOrEqual(1);
    expect((await fetch(`${h.origin}/admin`, { headers: { cookie } })).status).toBe(401);
    const model = await activeModel();
    expect((await post('/admin/models/rollback', cookie, { _csrf: csrf })).status).toBe(401);
    expect(await activeModel()).toBe(model);
  });

  it('marks the session cookie Secure when PUBLIC_URL is https', async () => {
    const app = dashboardApp({ ...dashboardDepsOf(h.t.app), secureCookies: true });
    const url = new URL(await h.link());
    const page = await app.fetch(new Request(url));
    const nonce = cookieOf(page, 'attribot_sign_in') ?? '';
    expect(page.headers.getSetCookie().join(';')).toMatch(/Secure/);
    const text = await page.text();
    const res = await app.fetch(
      new Request(`${h.origin}/admin/sign-in`, { method: 'POST', headers: { cookie: nonce, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ token: hidden(text, 'token'), _csrf: hidden(text, '_csrf') }) }),
    );
    expect(res.status).toBe(303);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('attribot_session=')) ?? '';
    expect(session).toMatch(/; Secure/);
    expect(session).toMatch(/; HttpOnly/);
    expect(session).toMatch(/; SameSite=Strict/);
    expect(session).toMatch(/; Path=\/admin/);
  });
});
