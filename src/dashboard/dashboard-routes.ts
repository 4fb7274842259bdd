import { getRequestListener } from '@hono/node-server';
import type { Route } from '../ops/ops-routes.js';
import { dashboardApp } from './dashboard-app.js';
import type { DashboardDeps } from './deps.js';

/**
 * The dashboard as routes for the servers that already serve `/healthz` on PORT (the ops server
 * and the Slack receiver): `/admin` and everything under it, GET and POST, handed to hono.
 */
export function dashboardRoutes(deps: DashboardDeps): Route[] {
  const listener = getRequestListener(dashboardApp(deps).fetch);
  const handler: Route['handler'] = (req, res) => {
    listener(req, res).catch((err: unknown) => {
      deps.logger.error({ err }, 'dashboard: request failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  };
  // `/admin/*rest` is path-to-regexp syntax (Bolt's custom routes); the ops server reads it as a prefix.
  return ['/admin', '/admin/*rest'].flatMap((path) => ['GET', 'POST'].map((method) => ({ path, method, handler })));
}
