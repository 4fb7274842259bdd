import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

/** What the bot sent back for an envelope: `{ envelope_id, payload }`. */
export interface SocketAck {
  envelope_id: string;
  payload?: Record<string, unknown>;
}

/**
 * Slack's Socket Mode endpoint, on the fake API's port at `/socket`: greets a connecting client with
 * `hello`, delivers envelopes (slash commands, events) and collects the client's acks.
 */
export class FakeSocketMode {
  private readonly wss = new WebSocketServer({ noServer: true });
  private socket: WebSocket | undefined;
  private readonly waiting = new Map<string, (ack: SocketAck) => void>();
  private seq = 0;

  constructor(server: Server) {
    server.on('upgrade', (req: IncomingMessage, duplex: Duplex, head: Buffer) => {
      if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/socket') return void duplex.destroy();
      this.wss.handleUpgrade(req, duplex, head, (ws) => this.accept(ws));
    });
  }

  get connected(): boolean {
    return this.socket !== undefined;
  }

  /** Sends an envelope (`slash_commands`, `events_api`, …) and resolves with the client's ack. */
  deliver(type: string, payload: Record<string, unknown>): Promise<SocketAck> {
    const ws = this.socket;
    if (!ws) return Promise.reject(new Error('FakeSocketMode: no client connected'));
    this.seq += 1;
    const envelopeId = `env-${this.seq}`;
    const acked = new Promise<SocketAck>((resolve) => this.waiting.set(envelopeId, resolve));
    ws.send(JSON.stringify({ envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: 0, retry_reason: '' }));
    return acked;
  }

  close(): void {
    for (const ws of this.wss.clients) ws.terminate();
    this.wss.close();
  }

  private accept(ws: WebSocket): void {
    this.socket = ws;
    ws.on('message', (data: Buffer) => {
      const msg = JSON.parse(data.toString('utf8')) as SocketAck;
      this.waiting.get(msg.envelope_id)?.(msg);
      this.waiting.delete(msg.envelope_id);
    });
    ws.on('close', () => {
      if (this.socket === ws) this.socket = undefined;
    });
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0APP' } }));
  }
}
