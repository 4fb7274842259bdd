import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseBody, readBody, readUpload } from './fake-slack-body.js';
import { METHODS, type FakeIdentity } from './fake-slack-methods.js';
import { FakeSlackStore, type FakeMessage } from './fake-slack-store.js';
import { FakeSocketMode } from './fake-socket-mode.js';

/** One request the bot made: a Web API method, or `response_url` for a post to a response URL. */
export interface RecordedCall {
  method: string;
  /** Form fields (strings) or the JSON body. */
  body: Record<string, unknown>;
  /** The bearer token sent, if any. */
  token: string | undefined;
  /** For `response_url` calls: the id in the URL. */
  responseId?: string;
  /** What the fake answered (Web API methods). */
  answer?: Record<string, unknown>;
}

/**
 * A local stand-in for Slack's Web API on 127.0.0.1 (random port): answers the methods the bot
 * uses, keeps messages and reactions, serves response URLs, and records every call for assertions.
 * Point the bot at {@link FakeSlackApi.apiUrl}.
 */
export class FakeSlackApi {
  readonly store = new FakeSlackStore();
  private readonly recorded: RecordedCall[] = [];
  private readonly failures = new Map<string, string[]>();

  private readonly server: Server;
  private listenPort = 0;
  /** Socket Mode: clients that called `apps.connections.open` connect here. */
  readonly socketMode: FakeSocketMode;

  private constructor(readonly identity: FakeIdentity) {
    this.server = createServer((req, res) => {
      void this.handle(req, res);
    });
    this.socketMode = new FakeSocketMode(this.server);
  }

  /** Starts the fake. The token given must be the bot's, or every method answers `invalid_auth`. */
  static async start(identity: Partial<FakeIdentity> = {}): Promise<FakeSlackApi> {
    const fake = new FakeSlackApi({
      token: 'xoxb-fake',
      appToken: 'xapp-fake',
      botUserId: 'UBOT',
      botName: 'attribot',
      botId: 'BBOT',
      teamId: 'T0001',
      socketUrl: '',
      uploadUrl: '',
      ...identity,
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.listenPort = (fake.server.address() as AddressInfo).port;
    fake.identity.socketUrl = `ws://127.0.0.1:${fake.listenPort}/socket`;
    fake.identity.uploadUrl = `http://127.0.0.1:${fake.listenPort}/upload`;
    return fake;
  }

  get port(): number {
    return this.listenPort;
  }

  /** The `slackApiUrl` for the bot's Web API client. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  /** A response URL for one slash command; posts to it are recorded as `response_url`. */
  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/response/${encodeURIComponent(id)}`;
  }

  /** Recorded calls, optionally of one method (`upload`: posts to upload URLs), oldest first. */
  calls(method?: string): RecordedCall[] {
    return this.recorded.filter((c) => method === undefined || c.method === method);
  }

  /** Makes the next call of `method` fail with Slack's `error` code (`response_url`: HTTP 404). */
  failNext(method: string, error = 'internal_error'): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  /** A message the bot posted, or one seeded by a test. */
  message(channel: string, ts: string): FakeMessage | undefined {
    return this.store.get(channel, ts);
  }

  /** Polls `probe` until it returns something truthy. */
  async waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 10_000): Promise<T> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const v = probe();
      if (v) return v;
      if (Date.now() > until) throw new Error(`FakeSlackApi.waitFor: condition not met in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    this.socketMode.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const upload = /^\/upload\/(F\w+)$/.exec(url.pathname);
    if (upload && req.method === 'POST') {
      // An upload URL from files.getUploadURLExternal: pre-signed on Slack, so no token here.
      const data = await readUpload(bytes, req.headers['content-type']);
      const file = this.store.files.get(upload[1] ?? '');
      this.recorded.push({ method: 'upload', body: { file_id: upload[1], length: data.length }, token: undefined });
      if (file) file.data = data;
      res.writeHead(file ? 200 : 404, { 'content-type': 'text/plain' }).end(file ? `OK - ${data.length}` : 'not_found');
      return;
    }
    const body = parseBody(bytes.toString('utf8'), req.headers['content-type']);
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : typeof body['token'] === 'string' ? body['token'] : undefined;

    const resp = /^\/response\/(.+)$/.exec(url.pathname);
    if (resp && req.method === 'POST') {
      this.recorded.push({ method: 'response_url', body, token, responseId: decodeURIComponent(resp[1] ?? '') });
      if (this.takeFailure('response_url')) res.writeHead(404).end('expired_url');
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const m = /^\/api\/(.+)$/.exec(url.pathname);
    const method = m?.[1] ?? url.pathname;
    const call: RecordedCall = { method, body, token };
    this.recorded.push(call);
    const impl = METHODS[method];
    const forced = this.takeFailure(method);
    const answer = !impl
      ? { ok: false, error: 'unknown_method' }
      : token !== (method === 'apps.connections.open' ? this.identity.appToken : this.identity.token)
        ? { ok: false, error: 'invalid_auth' }
        : forced !== undefined
          ? { ok: false, error: forced }
          : impl(body, this.store, this.identity);
    call.answer = answer;
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
  }

  private takeFailure(method: string): string | undefined {
    const queue = this.failures.get(method);
    const next = queue?.shift();
    if (queue && queue.length === 0) this.failures.delete(method);
    return next;
  }
}
