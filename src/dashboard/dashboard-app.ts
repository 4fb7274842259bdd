import { Hono } from 'hono';
import { html } from 'hono/html';
import { signInRoutes } from './auth/sign-in-routes.js';
import { requireSession } from './auth/session.js';
import type { DashboardDeps, DashboardEnv } from './deps.js';
import { takeFlash } from './flash.js';
import { cachedNextRun } from './next-run.js';
import { dataRoutes } from './pages/data-routes.js';
import { modelsRoutes } from './pages/models-routes.js';
import { overviewData, overviewView } from './pages/overview-page.js';
import { reviewRoutes } from './pages/review-routes.js';
import { retrainJobs } from './retrain-job.js';
import { bare, page } from './views/layout.js';

// Inline styles and the one polling script are ours; nothing is loaded from elsewhere, no framing.
const CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/** The admin dashboard as a hono app: every route under `/admin`, every page behind a session. */
export function dashboardApp(deps: DashboardDeps): Hono {
  const app = new Hono<DashboardEnv>().basePath('/admin');
  const jobs = retrainJobs(deps.core, deps.logger);
  const next = cachedNextRun(deps.retrainCron, deps.timezone);
  app.use('*', async (c, next) => {
    await next();
    c.header('content-security-policy', CSP);
    c.header('x-content-type-options', 'nosniff');
    c.header('referrer-policy', 'no-referrer');
    c.header('cache-control', 'no-store');
  });
  app.route('/', signInRoutes(deps));
  app.use('*', requireSession(deps));
  app.get('/', async (c) => {
    const session = c.get('session');
    const body = overviewView(await overviewData(deps), jobs.state(), next(deps.now?.() ?? new Date()));
    return c.html(page({ title: 'Overview', path: '/admin', csrf: session.csrfToken, ...takeFlash(c), body }));
  });
  app.route('/review', reviewRoutes(deps));
  app.route('/models', modelsRoutes(deps, jobs));
  app.route('/data', dataRoutes(deps));
  app.notFound((c) => c.html(bare('Not found', html`<p>There is no such dashboard page. <a href="/admin">Overview</a>.</p>`), 404));
  app.onError((err, c) => {
    deps.logger.error({ err, path: c.req.path }, 'dashboard: request failed');
    return c.html(bare('Something went wrong', html`<p>The request failed; nothing more is known here than in the log.</p>`), 500);
  });
  return app as unknown as Hono;
}
