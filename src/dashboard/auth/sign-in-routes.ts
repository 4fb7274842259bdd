import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { html } from 'hono/html';
import type { DashboardDeps, DashboardEnv, FormBody } from '../deps.js';
import { field } from '../deps.js';
import { bare, csrfField } from '../views/layout.js';
import { hashToken, newToken, sameSecret } from './secrets.js';
import { currentSession, SESSION_COOKIE, startSession } from './session.js';

const SIGN_IN_COOKIE = 'attribot_sign_in';

/**
 * Sign-in and sign-out. Opening a link (GET) changes nothing: chat apps fetch links to preview
 * them, which must not use up a one-time link. The page's button POSTs the token with a
 * double-submit value (cookie + field) against login CSRF; that POST is same-site, so the
 * SameSite=Strict session cookie set by it is sent on the redirect that follows.
 */
export function signInRoutes(deps: DashboardDeps): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  const now = () => deps.now?.() ?? new Date();
  app.get('/sign-in', (c) => {
    const token = c.req.query('token') ?? '';
    const nonce = newToken();
    setCookie(c, SIGN_IN_COOKIE, nonce, { path: '/admin/sign-in', httpOnly: true, sameSite: 'Strict', secure: deps.secureCookies, maxAge: 600 });
    return c.html(
      bare(
        'Sign in to attribot',
        html`<form method="post" action="/admin/sign-in"><input type="hidden" name="token" value="${token}">${csrfField(nonce)}
<p>This link works once and for 10 minutes.</p><button type="submit">Sign in</button></form>`,
      ),
    );
  });
  app.post('/sign-in', async (c) => {
    const form = (await c.req.parseBody()) as FormBody;
    const nonce = getCookie(c, SIGN_IN_COOKIE);
    deleteCookie(c, SIGN_IN_COOKIE, { path: '/admin/sign-in' });
    if (!nonce || !sameSecret(field(form, '_csrf'), nonce)) {
      return c.html(bare('Refused', html`<p>This sign-in form was not sent from this browser's sign-in page. Open your link again.</p>`), 403);
    }
    const link = await deps.storage.dashboardAuth.consumeLink(hashToken(field(form, 'token')), now());
    if (!link) {
      return c.html(bare('This link does not work', html`<p>The link has expired or was already used. Get a new one in chat with <code>/attribute-admin dashboard</code>.</p>`), 401);
    }
    if (!link.isAdmin) {
      await deps.storage.audit.append({ actor: link.userKey, action: 'dashboard.sign-in-refused', subject: 'dashboard', after: { reason: 'not an admin' } });
      return c.html(bare('Admins only', html`<p>This link was made for someone who is not an attribot admin.</p>`), 403);
    }
    await startSession(c, deps, link.userKey);
    await deps.storage.audit.append({ actor: link.userKey, action: 'dashboard.sign-in', subject: 'dashboard' });
    return c.redirect('/admin', 303);
  });
  app.post('/sign-out', async (c) => {
    const session = await currentSession(c, deps);
    const form = (await c.req.parseBody()) as FormBody;
    if (!session || !sameSecret(field(form, '_csrf'), session.csrfToken)) {
      return c.html(bare('Refused', html`<p>Not signed in, or the form is out of date. Nothing was changed.</p>`), session ? 403 : 401);
    }
    await deps.storage.dashboardAuth.endSession(session.idHash, now());
    await deps.storage.audit.append({ actor: session.userKey, action: 'dashboard.sign-out', subject: 'dashboard' });
    deleteCookie(c, SESSION_COOKIE, { path: '/admin' });
    return c.html(bare('Signed out', html`<p>You are signed out. To come back, get a new link in chat.</p>`));
  });
  return app;
}
