import http from 'node:http';
import type { Route } from './ops-routes.js';

/** A small HTTP server for the ops routes, used when no Slack receiver already listens on PORT. */
export async function startOpsServer(routes: readonly Route[], port: number): Promise<{ port: number; stop(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = routes.find((r) => matches(r.path, url.pathname) && r.method === req.method);
    if (!route) {
      res.writeHead(404).end('not found\n');
      return;
    }
    route.handler(req, res);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => resolve());
  });
  const address = server.address();
  return {
    port: typeof address === 'object' && address ? address.port : port,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** An exact path, or a prefix for a path ending in `/*rest` (as Bolt's custom routes write it). */
export function matches(pattern: string, path: string): boolean {
  const star = pattern.indexOf('/*');
  return star === -1 ? pattern === path : path.startsWith(pattern.slice(0, star + 1));
}
