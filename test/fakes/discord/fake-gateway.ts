import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildPayload, userPayload, type FakeGuild, type FakeUser } from './payloads.js';

interface Connection {
  ws: WebSocket;
  seq: number;
  shard: [number, number];
  identified: boolean;
}

/** The IDENTIFY payloads the fake received (tests assert intents and shards). */
export interface IdentifyRecord {
  token: string;
  intents: number;
  shard: [number, number];
}

/**
 * The gateway half of the fake: HELLO, IDENTIFY → READY (+ GUILD_CREATE per guild of that shard),
 * heartbeat ACKs, and dispatches routed to the shard that owns the guild, as Discord does.
 */
export class FakeGateway {
  readonly identifies: IdentifyRecord[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly conns = new Set<Connection>();
  private readyWaiters: (() => void)[] = [];

  constructor(
    server: Server,
    private readonly opts: { bot: FakeUser; appId: string; guilds: readonly FakeGuild[]; wsUrl: () => string },
  ) {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      if (!(req.url ?? '').startsWith('/gateway')) {
        socket.destroy();
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    });
  }

  /** Identified connections (one per shard). */
  get connected(): number {
    return [...this.conns].filter((c) => c.identified).length;
  }

  /** Resolves once at least `n` shards have identified. */
  async waitForIdentified(n = 1): Promise<void> {
    while (this.connected < n) await new Promise<void>((resolve) => this.readyWaiters.push(resolve));
  }

  /** Sends a dispatch (op 0) to the shard owning `guildId`, or to every shard. */
  dispatch(t: string, d: unknown, guildId?: string): void {
    for (const c of this.conns) {
      if (!c.identified) continue;
      if (guildId !== undefined && shardOf(guildId, c.shard[1]) !== c.shard[0]) continue;
      this.send(c, { op: 0, t, s: ++c.seq, d });
    }
  }

  close(): void {
    for (const c of this.conns) c.ws.terminate();
    this.conns.clear();
    this.wss.close();
  }

  private accept(ws: WebSocket): void {
    const c: Connection = { ws, seq: 0, shard: [0, 1], identified: false };
    this.conns.add(c);
    ws.on('close', () => this.conns.delete(c));
    ws.on('message', (raw: Buffer) => this.onMessage(c, JSON.parse(raw.toString('utf8')) as { op: number; d: unknown }));
    this.send(c, { op: 10, d: { heartbeat_interval: 41_250 } });
  }

  private onMessage(c: Connection, msg: { op: number; d: unknown }): void {
    if (msg.op === 1) this.send(c, { op: 11 });
    else if (msg.op === 2) this.identify(c, msg.d as { token: string; intents: number; shard?: [number, number] });
    // A resume we cannot honour: an invalid session makes the client identify afresh.
    else if (msg.op === 6) this.send(c, { op: 9, d: false });
  }

  private identify(c: Connection, d: { token: string; intents: number; shard?: [number, number] }): void {
    c.shard = d.shard ?? [0, 1];
    this.identifies.push({ token: d.token, intents: d.intents, shard: c.shard });
    const guilds = this.opts.guilds.filter((g) => shardOf(g.id, c.shard[1]) === c.shard[0]);
    this.send(c, {
      op: 0,
      t: 'READY',
      s: ++c.seq,
      d: {
        v: 10,
        user: { ...userPayload(this.opts.bot), verified: true, mfa_enabled: false },
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        session_id: `session-${c.shard[0]}`,
        resume_gateway_url: this.opts.wsUrl(),
        shard: c.shard,
        application: { id: this.opts.appId, flags: 0 },
        private_channels: [],
        relationships: [],
        presences: [],
        guild_join_requests: [],
        user_settings: {},
        _trace: ['fake-discord'],
      },
    });
    for (const g of guilds) this.send(c, { op: 0, t: 'GUILD_CREATE', s: ++c.seq, d: guildPayload(g, this.opts.bot) });
    c.identified = true;
    const waiters = this.readyWaiters;
    this.readyWaiters = [];
    for (const w of waiters) w();
  }

  private send(c: Connection, payload: unknown): void {
    c.ws.send(JSON.stringify(payload));
  }
}

/** Discord's routing rule: shard = (guild_id >> 22) % shard_count. */
export function shardOf(guildId: string, count: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(count));
}
