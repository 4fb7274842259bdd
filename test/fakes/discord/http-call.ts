import type http from 'node:http';
import type { RecordedCall, RestResult } from './fake-rest.js';

/** Reads a request into a {@link RecordedCall}; `api` tells whether it was under `/api/v10/`. */
export async function readCall(req: http.IncomingMessage): Promise<{ call: RecordedCall; api: boolean }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const raw = Buffer.concat(chunks).toString('utf8');
  const call: RecordedCall = {
    method: req.method ?? 'GET',
    // discord.js encodes `@original` / `@me` as `%40…`; emoji stay encoded (the routes decode them).
    path: url.pathname.replace(/^\/api\/v10/, '').replaceAll('%40', '@'),
    query: Object.fromEntries(url.searchParams),
    body: raw.length > 0 ? (JSON.parse(raw) as unknown) : undefined,
    auth: req.headers.authorization,
    at: Date.now(),
  };
  return { call, api: url.pathname.startsWith('/api/v10/') };
}

export function writeResult(res: http.ServerResponse, out: RestResult): void {
  if (out.json === undefined) {
    res.writeHead(out.status).end();
    return;
  }
  res.writeHead(out.status, { 'content-type': 'application/json' }).end(JSON.stringify(out.json));
}
