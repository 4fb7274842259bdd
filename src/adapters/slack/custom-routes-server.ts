import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../logger.js';

/** An extra HTTP route served next to the bot (health checks, metrics). */
export interface CustomRoute {
  path: string;
  method: string | string[];
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/**
 * Serves custom routes on their own port. Only used in Socket Mode: there Bolt has no HTTP server
 * of ours (its optional one cannot report a random port), while in HTTP mode Bolt's receiver serves
 * these routes itself.
 */
export async function listenCustomRoutes(
  routes: readonly CustomRoute[],
  port: number,
  logger: Logger,
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    // A path ending in `/*rest` (path-to-regexp, as Bolt's receiver reads it) matches everything below it.
    const star = (p: string) => p.indexOf('/*');
    const hit = (p: string) => (star(p) === -1 ? p === path : path.startsWith(p.slice(0, star(p) + 1)));
    const route = routes.find((r) => hit(r.path) && [r.method].flat().some((m) => m.toUpperCase() === method));
    if (!route) {
      res.writeHead(404).end();
      return;
    }
    try {
      route.handler(req, res);
    } catch (err) {
      logger.error({ err, path }, 'slack: custom route failed');
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return { server, port: (server.address() as AddressInfo).port };
}
