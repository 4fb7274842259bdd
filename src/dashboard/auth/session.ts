import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { DashboardSessionRow } from '../../core/ports.js';
import type { DashboardDeps, DashboardEnv, FormBody } from '../deps.js';
import { bare } from '../views/layout.js';
import { hashToken, newToken, sameSecret } from './secrets.js';

export const SESSION_COOKIE = 'attribot_session';
/** How long a session lasts after sign-in. */
export const SESSION_HOURS = 8;

const GET_A_LINK = html`<p>You are not signed in. In chat, an admin types <code>/attribute-admin dashboard</code>
(or on the bot's machine runs <code>attribot dashboard link</code>) and opens the one-time link it gives.</p>`;

/** The page every request without a live session gets (401: nothing under /admin leaks). */
export function notSignedIn(c: Context): Response | Promise<Response> {
  return c.html(bare('Sign in with a link from chat', GET_A_LINK), 401);
}

/** Starts a session for a user: a row keyed by the cookie's hash, and the cookie itself. */
export async function startSession(c: Context, deps: DashboardDeps, userKey: string): Promise<void> {
  const id = newToken();
  const now = deps.now?.() ?? new Date();
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await deps.storage.dashboardAuth.createSession({ idHash: hashToken(id), userKey, csrfToken: newToken(), expiresAt }, now);
  setCookie(c, SESSION_COOKIE, id, { path: '/admin', httpOnly: true, sameSite: 'Strict', secure: deps.secureCookies, expires: expiresAt });
}

/** Looks up the request's session; null without a cookie or when it ended or expired. */
export async function currentSession(c: Context, deps: DashboardDeps): Promise<DashboardSessionRow | null> {
  const id = getCookie(c, SESSION_COOKIE);
  if (!id) return null;
  return deps.storage.dashboardAuth.getSession(hashToken(id), deps.now?.() ?? new Date());
}

/**
 * Every page needs a live session; every POST also needs the session's CSRF token in `_csrf`
 * (403 otherwise, before anything is read or changed). The parsed form is kept for the handler.
 */
export function requireSession(deps: DashboardDeps): MiddlewareHandler<DashboardEnv> {
  return async (c, next) => {
    const session = await currentSession(c, deps);
    if (!session) return notSignedIn(c);
    c.set('session', session);
    if (c.req.method === 'POST') {
      const form: FormBody = await c.req.parseBody({ all: true });
      const token = form._csrf;
      if (typeof token !== 'string' || !sameSecret(token, session.csrfToken)) {
        return c.html(bare('Refused', html`<p>This form is out of date or was not sent from the dashboard (missing or wrong CSRF token). Nothing was changed. <a href="/admin">Back to the dashboard</a>.</p>`), 403);
      }
      c.set('form', form);
    }
    await next();
  };
}
