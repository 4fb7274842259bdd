import type { FakeSlackStore } from './fake-slack-store.js';

/** Identity of the fake bot and workspace. */
export interface FakeIdentity {
  token: string;
  botUserId: string;
  botName: string;
  botId: string;
  teamId: string;
  /** The app-level token (`xapp-…`) that `apps.connections.open` expects. */
  appToken: string;
  /** Where Socket Mode clients connect; set once the fake listens. */
  socketUrl: string;
  /** Base of the upload URLs `files.getUploadURLExternal` hands out (on the fake itself). */
  uploadUrl: string;
}

type Body = Record<string, unknown>;
type Answer = Record<string, unknown> & { ok: boolean };
type Method = (body: Body, store: FakeSlackStore, id: FakeIdentity) => Answer;

const fail = (error: string): Answer => ({ ok: false, error });

/** `blocks` as the Web API client sends them (a JSON string): undefined when absent, null when not a list of blocks. */
function parseBlocks(v: unknown): unknown[] | undefined | null {
  if (v === undefined || v === '') return undefined;
  try {
    const blocks = JSON.parse(str(v)) as unknown;
    return Array.isArray(blocks) && blocks.every((x) => typeof (x as { type?: unknown }).type === 'string') ? blocks : null;
  } catch {
    return null;
  }
}
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The Web API methods the fake answers, each as Slack documents its success and error shapes. */
export const METHODS: Readonly<Record<string, Method>> = {
  'apps.connections.open': (_b, _s, id) => ({ ok: true, url: id.socketUrl }),
  'auth.test': (_b, _s, id) => ({
    ok: true,
    url: 'https://fake.slack.test/',
    team: 'Fake Team',
    user: id.botName,
    team_id: id.teamId,
    user_id: id.botUserId,
    bot_id: id.botId,
  }),
  'chat.postMessage': (b, store, id) => {
    if (!str(b['channel'])) return fail('channel_not_found');
    const blocks = parseBlocks(b['blocks']);
    if (blocks === null) return fail('invalid_blocks');
    const msg = store.post(str(b['channel']), id.botUserId, str(b['text']), str(b['thread_ts']) || undefined);
    if (blocks) msg.blocks = blocks;
    return { ok: true, channel: msg.channel, ts: msg.ts, message: { type: 'message', text: msg.text, user: id.botUserId, bot_id: id.botId, ts: msg.ts, ...(blocks ? { blocks } : {}) } };
  },
  'chat.update': (b, store) => {
    const msg = store.get(str(b['channel']), str(b['ts']));
    if (!msg) return fail('message_not_found');
    const blocks = parseBlocks(b['blocks']);
    if (blocks === null) return fail('invalid_blocks');
    msg.text = str(b['text']);
    // As on Slack: without `blocks` a message keeps its blocks (and keeps showing them, not `text`).
    if (blocks) msg.blocks = blocks;
    return { ok: true, channel: msg.channel, ts: msg.ts, text: msg.text };
  },
  'views.open': (b, store) => {
    if (!str(b['trigger_id'])) return fail('invalid_trigger_id');
    const view = JSON.parse(str(b['view']) || 'null') as Record<string, unknown> | null;
    if (view?.['type'] !== 'modal' || !Array.isArray(view['blocks'])) return fail('invalid_arguments');
    const opened = { id: `V${String(store.views.length + 1).padStart(8, '0')}`, triggerId: str(b['trigger_id']), view };
    store.views.push(opened);
    return { ok: true, view: { id: opened.id, ...view } };
  },
  'chat.delete': (b, store) => {
    if (!store.remove(str(b['channel']), str(b['ts']))) return fail('message_not_found');
    return { ok: true, channel: str(b['channel']), ts: str(b['ts']) };
  },
  'chat.postEphemeral': (b) => {
    if (!str(b['channel']) || !str(b['user'])) return fail('user_not_in_channel');
    return { ok: true, message_ts: `${Math.floor(Date.now() / 1000)}.000000` };
  },
  'conversations.open': (b) => {
    const users = str(b['users']);
    if (!users || users.includes(',')) return fail(users ? 'not_enough_users' : 'users_list_not_supplied');
    return { ok: true, channel: { id: `D${users}` } };
  },
  'files.getUploadURLExternal': (b, store, id) => {
    const length = Number(str(b['length']));
    if (!str(b['filename']) || !(length > 0)) return fail('invalid_arguments');
    const file = store.announceFile({ filename: str(b['filename']), length, altText: str(b['alt_text']) || undefined });
    return { ok: true, upload_url: `${id.uploadUrl}/${file.id}`, file_id: file.id };
  },
  'files.completeUploadExternal': (b, store) => {
    const listed = JSON.parse(str(b['files']) || '[]') as { id: string; title?: string }[];
    const files = listed.map((f) => store.files.get(f.id));
    // Slack refuses to complete a file whose bytes never arrived (or arrived short).
    if (files.length === 0 || files.some((f) => f?.data === undefined || f.data.length !== f.length)) return fail('file_not_found');
    const channel = str(b['channel_id']) || undefined;
    for (const [i, f] of files.entries()) if (f) Object.assign(f, { title: listed[i]?.title, completed: { channel, initialComment: str(b['initial_comment']) || undefined } });
    return { ok: true, files: files.map((f) => ({ id: f?.id, name: f?.filename, title: f?.title, size: f?.length, channels: channel ? [channel] : [] })) };
  },
  'reactions.add': (b, store, id) => {
    const msg = store.get(str(b['channel']), str(b['timestamp']));
    if (!msg) return fail('message_not_found');
    return store.addReaction(msg, str(b['name']), id.botUserId) ? { ok: true } : fail('already_reacted');
  },
  'reactions.remove': (b, store, id) => {
    const msg = store.get(str(b['channel']), str(b['timestamp']));
    if (!msg) return fail('message_not_found');
    return store.removeReaction(msg, str(b['name']), id.botUserId) ? { ok: true } : fail('no_reaction');
  },
  'reactions.get': (b, store) => {
    const msg = store.get(str(b['channel']), str(b['timestamp']));
    if (!msg) return fail('message_not_found');
    const reactions = [...msg.reactions].map(([name, users]) => ({ name, users, count: users.length }));
    return {
      ok: true,
      type: 'message',
      channel: msg.channel,
      message: { type: 'message', text: msg.text, user: msg.user, ts: msg.ts, ...(reactions.length ? { reactions } : {}) },
    };
  },
};
