import type { FakeState } from './fake-state.js';
import { messagePayload, type StoredAttachment, type StoredMessage } from './message-payload.js';
import { snowflake, userPayload } from './payloads.js';

/** One HTTP call discord.js made, as the fake received it. `path` is relative to `/api/v10`. */
export interface RecordedCall {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  auth: string | undefined;
  /** When the fake received it (ms since the epoch). */
  at: number;
  /** Files uploaded with a multipart request (`files[n]` parts). */
  files?: RecordedFile[];
}

/** One file part of a multipart request. */
export interface RecordedFile {
  /** The form field, e.g. `files[0]`. */
  field: string;
  name: string;
  contentType: string;
  data: Buffer;
}

export interface RestResult {
  status: number;
  json?: unknown;
}

interface RouteCtx {
  state: FakeState;
  appId: string;
  gatewayUrl: string;
  call: RecordedCall;
  /** The fake's gateway echo of the bot's own reaction (Discord sends it too). */
  ownReaction: (m: StoredMessage, emoji: string) => void;
}

type Handler = (p: string[], ctx: RouteCtx) => RestResult;
type Body = { content?: string; flags?: number; type?: number; data?: { flags?: number; content?: string } } & Record<string, unknown>;

const unknownMessage: RestResult = { status: 404, json: { message: 'Unknown Message', code: 10008 } };
const unknownWebhook: RestResult = { status: 404, json: { message: 'Unknown Webhook', code: 10015 } };

const body = (ctx: RouteCtx): Body => (ctx.call.body ?? {}) as Body;
const msg = (ctx: RouteCtx, m: StoredMessage): RestResult => ({ status: 200, json: messagePayload(m, ctx.state.bot.id) });

/** The files of a multipart call as the message's attachments (described by `attachments[n]`). */
function attachmentsOf(ctx: RouteCtx): StoredAttachment[] | undefined {
  if (!ctx.call.files) return undefined;
  const described = (body(ctx).attachments ?? []) as { id?: string | number; description?: string }[];
  return ctx.call.files.map((f, i) => ({
    id: snowflake(),
    filename: f.name,
    contentType: f.contentType,
    size: f.data.length,
    description: described.find((a) => String(a.id) === String(i))?.description,
    data: f.data,
  }));
}

function edit(ctx: RouteCtx, m: StoredMessage | undefined): RestResult {
  if (!m) return unknownMessage;
  const b = body(ctx);
  if (b.content !== undefined) m.content = b.content;
  if (b.components !== undefined) m.components = b.components as unknown[];
  m.attachments = attachmentsOf(ctx) ?? m.attachments;
  m.editedAt = new Date().toISOString();
  return msg(ctx, m);
}

function original(ctx: RouteCtx, token: string | undefined): StoredMessage | undefined {
  const i = ctx.state.interactions.get(token ?? '');
  return i?.originalId === undefined ? undefined : ctx.state.messages.get(i.originalId);
}

/** Callback types Discord accepts per interaction type (2 command, 3 component, 4 autocomplete, 5 form). */
const CALLBACKS_BY_TYPE: Record<number, readonly number[]> = { 2: [4, 5, 9], 3: [4, 5, 6, 7, 9], 4: [8], 5: [4, 5, 6, 7] };

/**
 * `POST /interactions/:id/:token/callback`: the one response an interaction gets. 4 (a message) and
 * 5 (deferred: "thinking…") create the original response; 6 acknowledges a component and 7 edits
 * its message; 8 carries autocomplete choices; 9 opens a form. Recorded on the interaction.
 */
function interactionCallback(ctx: RouteCtx, token: string | undefined): RestResult {
  const i = ctx.state.interactions.get(token ?? '');
  if (!i) return { status: 404, json: { message: 'Unknown interaction', code: 10062 } };
  if (i.callbacks?.length) return { status: 400, json: { message: 'Interaction has already been acknowledged.', code: 40060 } };
  const b = body(ctx);
  const type = b.type ?? 0;
  if (!(CALLBACKS_BY_TYPE[i.type ?? 2] ?? []).includes(type) || ((type === 6 || type === 7) && i.messageId === undefined)) {
    return { status: 400, json: { message: 'Interaction response type is invalid for this interaction', code: 50035 } };
  }
  i.callbacks = [{ type, data: b.data }];
  const data = (b.data ?? {}) as { content?: string; flags?: number; components?: unknown[] };
  if (type === 4 || type === 5) {
    const m = ctx.state.createMessage({
      channelId: i.channelId,
      guildId: i.guildId,
      content: type === 4 ? (data.content ?? '') : '',
      flags: (data.flags ?? 0) | (type === 5 ? 128 : 0),
      type: 20,
      webhookId: ctx.appId,
      components: data.components ?? [],
    });
    i.originalId = m.id;
  } else if (type === 6 || type === 7) {
    i.originalId = i.messageId;
    const m = ctx.state.messages.get(i.messageId ?? '');
    if (type === 7 && m) {
      if (data.content !== undefined) m.content = data.content;
      if (data.components !== undefined) m.components = data.components;
      m.editedAt = new Date().toISOString();
    }
  }
  return { status: 204 };
}

/** The REST routes the adapter and the CLI use, matched against the path after `/api/v10`. */
const routes: [string, RegExp, Handler][] = [
  ['GET', /^\/gateway\/bot$/, (_p, ctx) => ({
    status: 200,
    json: { url: ctx.gatewayUrl, shards: 1, session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 16 } },
  })],
  ['POST', /^\/interactions\/(\d+)\/([^/]+)\/callback$/, ([, token], ctx) => interactionCallback(ctx, token)],
  ['GET', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, ([, token], ctx) => {
    const m = original(ctx, token);
    return m ? msg(ctx, m) : unknownMessage;
  }],
  ['PATCH', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, ([, token], ctx) => {
    const m = original(ctx, token);
    // Editing the deferred response ends Discord's "thinking…" state (flag 128).
    if (m) m.flags &= ~128;
    return edit(ctx, m);
  }],
  ['DELETE', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/@original$/, ([, token], ctx) => {
    const m = original(ctx, token);
    if (!m) return unknownMessage;
    ctx.state.messages.delete(m.id);
    return { status: 204 };
  }],
  ['PATCH', /^\/webhooks\/(\d+)\/([^/]+)\/messages\/(\d+)$/, ([, , id], ctx) => edit(ctx, ctx.state.messages.get(id ?? ''))],
  ['POST', /^\/webhooks\/(\d+)\/([^/]+)$/, ([, token], ctx) => {
    const i = ctx.state.interactions.get(token ?? '');
    if (!i) return unknownWebhook;
    const b = body(ctx);
    const m = ctx.state.createMessage({ channelId: i.channelId, guildId: i.guildId, content: b.content ?? '', flags: b.flags ?? 0, webhookId: ctx.appId, attachments: attachmentsOf(ctx) ?? [], components: (b.components ?? []) as unknown[] });
    return msg(ctx, m);
  }],
  ['POST', /^\/channels\/(\d+)\/messages$/, ([channelId], ctx) => {
    const b = body(ctx) as Body & { message_reference?: { message_id?: string } };
    const ref = b.message_reference?.message_id;
    const m = ctx.state.createMessage({ channelId: channelId ?? '', content: b.content ?? '', type: ref ? 19 : 0, referenceId: ref, attachments: attachmentsOf(ctx) ?? [], components: (b.components ?? []) as unknown[] });
    return msg(ctx, m);
  }],
  ['GET', /^\/channels\/(\d+)\/messages\/(\d+)$/, ([c, m], ctx) => {
    const found = ctx.state.channelMessage(c ?? '', m ?? '');
    return found ? msg(ctx, found) : unknownMessage;
  }],
  ['PATCH', /^\/channels\/(\d+)\/messages\/(\d+)$/, ([c, m], ctx) => edit(ctx, ctx.state.channelMessage(c ?? '', m ?? ''))],
  ['PUT', /^\/channels\/(\d+)\/messages\/(\d+)\/reactions\/([^/]+)\/@me$/, ([c, m, e], ctx) => {
    const found = ctx.state.channelMessage(c ?? '', m ?? '');
    if (!found) return unknownMessage;
    const emoji = decodeURIComponent(e ?? '');
    if (ctx.state.addReaction(found, emoji, ctx.state.bot)) ctx.ownReaction(found, emoji);
    return { status: 204 };
  }],
  ['GET', /^\/channels\/(\d+)\/messages\/(\d+)\/reactions\/([^/]+)$/, ([c, m, e], ctx) => {
    const found = ctx.state.channelMessage(c ?? '', m ?? '');
    if (!found) return unknownMessage;
    const limit = Number(ctx.call.query['limit'] ?? '25');
    const after = BigInt(ctx.call.query['after'] ?? '0');
    const ids = [...(found.reactions.get(decodeURIComponent(e ?? '')) ?? [])].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));
    const page = ids.filter((id) => BigInt(id) > after).slice(0, limit);
    return { status: 200, json: page.map((id) => userPayload(ctx.state.users.get(id) ?? { id, username: `user-${id}` })) };
  }],
  // Opening a direct message with a user (`client.users.send`): a DM channel, type 1.
  ['POST', /^\/users\/@me\/channels$/, (_p, ctx) => {
    const recipient = (ctx.call.body as { recipient_id?: unknown } | undefined)?.recipient_id;
    const id = typeof recipient === 'string' ? recipient : '';
    if (!/^\d+$/.test(id)) return { status: 400, json: { message: 'Invalid Form Body', code: 50035 } };
    return { status: 200, json: { id: ctx.state.dmChannelOf(id), type: 1, last_message_id: null, recipients: [userPayload(ctx.state.users.get(id) ?? { id, username: `user-${id}` })] } };
  }],
  ['PUT', /^\/applications\/(\d+)(?:\/guilds\/(\d+))?\/commands$/, ([appId, guildId], ctx) => {
    const defs = (ctx.call.body ?? []) as Record<string, unknown>[];
    const json = defs.map((d) => ({ id: snowflake(), application_id: appId, version: snowflake(), default_member_permissions: null, type: 1, nsfw: false, ...(guildId ? { guild_id: guildId } : {}), ...d }));
    return { status: 200, json };
  }],
];

/** Routes one call; webhook and interaction routes need no token, every other route the bot's. */
export function handleRest(ctx: RouteCtx, token: string): RestResult {
  const open = /^\/(webhooks|interactions)\//.test(ctx.call.path);
  if (!open && ctx.call.auth !== `Bot ${token}`) return { status: 401, json: { message: '401: Unauthorized', code: 0 } };
  for (const [method, re, handler] of routes) {
    const m = re.exec(ctx.call.path);
    if (m && method === ctx.call.method) return handler(m.slice(1), ctx);
  }
  return { status: 404, json: { message: '404: Not Found', code: 0 } };
}
