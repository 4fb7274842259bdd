import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Storage } from '../core/ports.js';
import type { Metrics } from './metrics.js';

export interface Route {
  path: string;
  method: string;
  handler: (req: IncomingMessage, res: ServerResponse) => void;
}

/**
 * `/healthz` (the process is up), `/readyz` (database reachable and a model loaded) and `/metrics`
 * (Prometheus text). Served beside the Slack endpoint, or on their own server.
 */
export function opsRoutes(deps: { storage: Storage; metrics: Metrics; modelLoaded: () => boolean; closing: () => boolean }): Route[] {
  const send = (res: ServerResponse, code: number, body: string, type = 'text/plain') => {
    res.writeHead(code, { 'content-type': type });
    res.end(body);
  };
  return [
    { path: '/healthz', method: 'GET', handler: (_req, res) => send(res, 200, 'ok\n') },
    {
      path: '/readyz',
      method: 'GET',
      handler: (_req, res) => {
        if (deps.closing()) return send(res, 503, 'shutting down\n');
        deps.storage.ping().then(
          () => (deps.modelLoaded() ? send(res, 200, 'ready\n') : send(res, 503, 'no model loaded\n')),
          () => send(res, 503, 'database unreachable\n'),
        );
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: (_req, res) => {
        deps.metrics.registry.metrics().then(
          (text) => send(res, 200, text, deps.metrics.registry.contentType),
          () => send(res, 500, 'metrics unavailable\n'),
        );
      },
    },
  ];
}
