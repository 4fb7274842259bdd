import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway, type IdentifyRecord } from './fake-gateway.js';
import { handleRest, type RecordedCall } from './fake-rest.js';
import { readCall, writeResult } from './http-call.js';
import { FakeState } from './fake-state.js';
import { autocompletePayload, buttonClickPayload, formSubmitPayload, messageCommandPayload } from './component-payloads.js';
import { interactionPayload, type InteractionInput, type InteractionWhere } from './interaction-payload.js';
import type { StoredMessage } from './message-payload.js';
import { memberPayload, type FakeGuild, type FakeUser } from './payloads.js';

export type { RecordedCall } from './fake-rest.js';
export type { InteractionInput, InteractionWhere } from './interaction-payload.js';
export type { FakeGuild, FakeRole, FakeUser } from './payloads.js';

export interface FakeDiscordOptions {
  token?: string;
  appId?: string;
  bot?: FakeUser;
  guilds?: readonly FakeGuild[];
}

export interface ReactionInput {
  channelId: string;
  messageId: string;
  user: FakeUser;
  emoji: string;
  /** The reacting member's role ids, as Discord sends them with a guild reaction (default none). */
  roles?: readonly string[];
}

/**
 * A local Discord on 127.0.0.1 (random port): REST under `/api/v10` and the gateway under
 * `/gateway`, on one port. Every REST call is recorded in {@link calls}; messages keep their
 * reactions so `GET` returns what users (and the bot) reacted with.
 */
export class FakeDiscord {
  readonly token: string;
  readonly appId: string;
  readonly bot: FakeUser;
  readonly calls: RecordedCall[] = [];
  readonly state: FakeState;
  /**
   * Awaited before the fake answers an interaction callback: tests read what was stored at the
   * moment the bot answered (e.g. that a vote is durable before its confirmation).
   */
  beforeCallback: ((call: RecordedCall) => Promise<void>) | undefined;
  /** Awaited after a REST call took effect and before its response is sent (the bot has not seen the response yet). */
  beforeResponse: ((call: RecordedCall) => Promise<void>) | undefined;
  private readonly server = http.createServer((req, res) => {
    this.onRequest(req, res).catch((err: unknown) => writeResult(res, { status: 500, json: { message: String(err), code: 0 } }));
  });
  private readonly gateway: FakeGateway;
  private readonly guilds: readonly FakeGuild[];

  private constructor(opts: FakeDiscordOptions) {
    this.token = opts.token ?? 'fake-bot-token';
    this.appId = opts.appId ?? '100000000000000001';
    this.bot = opts.bot ?? { id: '100000000000000001', username: 'attribot', bot: true };
    this.guilds = opts.guilds ?? [];
    this.state = new FakeState(this.bot);
    this.gateway = new FakeGateway(this.server, { bot: this.bot, appId: this.appId, guilds: this.guilds, wsUrl: () => this.wsUrl });
  }

  static async start(opts: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(opts);
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The value for `DISCORD_API_URL` / the REST `api` option: no version, no trailing slash. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  get identifies(): readonly IdentifyRecord[] {
    return this.gateway.identifies;
  }

  async waitForIdentified(shards = 1): Promise<void> {
    await this.gateway.waitForIdentified(shards);
  }

  /** Dispatches a slash command; returns its id and token (the token addresses its webhook routes). */
  sendInteraction(input: InteractionInput): { id: string; token: string } {
    const { id, token, payload } = interactionPayload(input, this.appId);
    this.state.users.set(input.user.id, input.user);
    this.state.interactions.set(token, { id, token, channelId: input.channelId, guildId: input.guildId, originalId: undefined });
    this.gateway.dispatch('INTERACTION_CREATE', payload, input.guildId);
    return { id, token };
  }

  /** A user clicks the button `customId` of a message (it must exist); returns the interaction's id and token. */
  clickButton(where: InteractionWhere, messageId: string, customId: string): { id: string; token: string } {
    const m = this.mustGet(messageId);
    return this.dispatch(where, buttonClickPayload(where, this.appId, this.bot.id, m, customId), { type: 3, messageId });
  }

  /** A user submits the form `customId` (opened from `messageId`, if given) with its text fields. */
  submitForm(where: InteractionWhere, customId: string, fields: Record<string, string>, messageId?: string): { id: string; token: string } {
    const m = messageId === undefined ? undefined : this.mustGet(messageId);
    return this.dispatch(where, formSubmitPayload(where, this.appId, this.bot.id, customId, fields, m), { type: 5, messageId });
  }

  /** A user runs the message command `name` (Apps menu) on a message. */
  runMessageCommand(where: InteractionWhere, name: string, messageId: string): { id: string; token: string } {
    return this.dispatch(where, messageCommandPayload(where, this.appId, this.bot.id, name, this.mustGet(messageId)), { type: 2 });
  }

  /** A user types `typed` into option `option` of `/command`: an autocomplete interaction. */
  autocomplete(where: InteractionWhere, command: string, option: string, typed: string): { id: string; token: string } {
    return this.dispatch(where, autocompletePayload(where, this.appId, command, option, typed), { type: 4 });
  }

  /** A message a user posted in a channel (the bot never sees it: no message intent), e.g. to run a message command on. */
  postUserMessage(channelId: string, user: FakeUser, content: string): StoredMessage {
    this.state.users.set(user.id, user);
    return this.state.createMessage({ channelId, guildId: this.guildOf(channelId), author: user, content });
  }

  /** The callbacks the bot answered an interaction with (type and data), once it did. */
  callbacksOf(token: string): readonly { type: number; data: unknown }[] {
    return this.state.interactions.get(token)?.callbacks ?? [];
  }

  /** A user adds or removes a reaction: stored, then dispatched (if the message exists). */
  sendReaction(action: 'add' | 'remove', r: ReactionInput): void {
    const m = this.setReaction(action, r);
    const guildId = m?.guildId ?? this.guildOf(r.channelId);
    const base = { user_id: r.user.id, channel_id: r.channelId, message_id: r.messageId, guild_id: guildId, emoji: { id: null, name: r.emoji }, burst: false, type: 0 };
    if (action === 'add') {
      this.gateway.dispatch('MESSAGE_REACTION_ADD', { ...base, member: memberPayload(r.user, r.roles ?? []), burst_colors: [], message_author_id: m?.author.id }, guildId);
    } else {
      this.gateway.dispatch('MESSAGE_REACTION_REMOVE', base, guildId);
    }
  }

  /** Changes a message's reactions without a dispatch: what happens while the bot is offline. */
  setReaction(action: 'add' | 'remove', r: ReactionInput): StoredMessage | undefined {
    const m = this.state.messages.get(r.messageId);
    if (!m) return undefined;
    if (action === 'add') this.state.addReaction(m, r.emoji, r.user);
    else this.state.removeReaction(m, r.emoji, r.user.id);
    return m;
  }

  /** The original response of an interaction (after the bot deferred or replied). */
  original(token: string): StoredMessage | undefined {
    const id = this.state.interactions.get(token)?.originalId;
    return id === undefined ? undefined : this.state.messages.get(id);
  }

  /** Recorded calls matching a method and a path pattern. */
  callsTo(method: string, path: RegExp): RecordedCall[] {
    return this.calls.filter((c) => c.method === method && path.test(c.path));
  }

  /** Polls until `predicate` holds (discord.js works asynchronously), or fails after `timeoutMs`. */
  async waitFor<T>(predicate: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = await predicate();
      if (v !== undefined && v !== false) return v;
      if (Date.now() > deadline) throw new Error(`fake discord: timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async close(): Promise<void> {
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private mustGet(messageId: string): StoredMessage {
    const m = this.state.messages.get(messageId);
    if (!m) throw new Error(`fake discord: no message ${messageId}`);
    return m;
  }

  private dispatch(where: InteractionWhere, built: { id: string; token: string; payload: unknown }, extra: { type: number; messageId?: string }): { id: string; token: string } {
    const { id, token, payload } = built;
    this.state.users.set(where.user.id, where.user);
    this.state.interactions.set(token, { id, token, channelId: where.channelId, guildId: where.guildId, originalId: undefined, ...extra });
    this.gateway.dispatch('INTERACTION_CREATE', payload, where.guildId);
    return { id, token };
  }

  private guildOf(channelId: string): string | undefined {
    return this.guilds.find((g) => g.channels.includes(channelId))?.id;
  }

  private ownReaction(m: StoredMessage, emoji: string): void {
    const d = { user_id: this.bot.id, channel_id: m.channelId, message_id: m.id, guild_id: m.guildId, member: memberPayload(this.bot, []), emoji: { id: null, name: emoji }, burst: false, burst_colors: [], type: 0 };
    this.gateway.dispatch('MESSAGE_REACTION_ADD', d, m.guildId);
  }

  private async onRequest(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const { call, api } = await readCall(req);
    this.calls.push(call);
    if (this.beforeCallback && call.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(call.path)) await this.beforeCallback(call);
    const ctx = { state: this.state, appId: this.appId, gatewayUrl: this.wsUrl, call, ownReaction: (m: StoredMessage, e: string) => this.ownReaction(m, e) };
    const result = api ? handleRest(ctx, this.token) : { status: 404, json: { message: '404: Not Found', code: 0 } };
    if (this.beforeResponse) await this.beforeResponse(call);
    writeResult(res, result);
  }
}
