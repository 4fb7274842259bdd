import type http from 'node:http';
import type { RecordedCall, RecordedFile, RestResult } from './fake-rest.js';

/**
 * Reads a request into a {@link RecordedCall}; `api` tells whether it was under `/api/v10/`. A
 * multipart request (a message with files) is read as Discord does: the JSON body from the
 * `payload_json` part, each `files[n]` part as an uploaded file.
 */
export async function readCall(req: http.IncomingMessage): Promise<{ call: RecordedCall; api: boolean }> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const raw = Buffer.concat(chunks);
  const type = req.headers['content-type'] ?? '';
  const { body, files } = type.startsWith('multipart/form-data') ? await readMultipart(raw, type) : { body: raw.length > 0 ? (JSON.parse(raw.toString('utf8')) as unknown) : undefined, files: undefined };
  const call: RecordedCall = {
    method: req.method ?? 'GET',
    // discord.js encodes `@original` / `@me` as `%40…`; emoji stay encoded (the routes decode them).
    path: url.pathname.replace(/^\/api\/v10/, '').replaceAll('%40', '@'),
    query: Object.fromEntries(url.searchParams),
    body,
    auth: req.headers.authorization,
    at: Date.now(),
    ...(files ? { files } : {}),
  };
  return { call, api: url.pathname.startsWith('/api/v10/') };
}

async function readMultipart(raw: Buffer, contentType: string): Promise<{ body: unknown; files: RecordedFile[] }> {
  // The fetch API's own multipart parser: no dependency, and strict about the boundary format.
  const form = await new Response(raw, { headers: { 'content-type': contentType } }).formData();
  const json = form.get('payload_json');
  const files: RecordedFile[] = [];
  for (const [field, value] of form.entries()) {
    if (typeof value === 'string') continue;
    files.push({ field, name: value.name, contentType: value.type, data: Buffer.from(await value.arrayBuffer()) });
  }
  return { body: typeof json === 'string' ? (JSON.parse(json) as unknown) : undefined, files };
}

export function writeResult(res: http.ServerResponse, out: RestResult): void {
  if (out.json === undefined) {
    res.writeHead(out.status).end();
    return;
  }
  res.writeHead(out.status, { 'content-type': 'application/json' }).end(JSON.stringify(out.json));
}
