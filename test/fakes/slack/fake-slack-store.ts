/** A message as the fake Slack workspace holds it. */
export interface FakeMessage {
  channel: string;
  ts: string;
  text: string;
  user: string;
  threadTs: string | undefined;
  /** Reaction name → users who reacted, in order. */
  reactions: Map<string, string[]>;
  /** Block Kit layout, when the message has one (Slack then shows the blocks, `text` is the fallback). */
  blocks?: unknown[];
}

/** A file: announced by `files.getUploadURLExternal`, uploaded, then shared (or not) on completion. */
export interface FakeFile {
  id: string;
  filename: string;
  /** The length announced before the upload. */
  length: number;
  altText: string | undefined;
  title: string | undefined;
  /** The uploaded bytes (undefined until the upload URL received them). */
  data: Buffer | undefined;
  /** Where `files.completeUploadExternal` shared it; undefined until completed. */
  completed: { channel: string | undefined; initialComment: string | undefined } | undefined;
}

/**
 * The workspace state behind the fake Web API: messages and their reactions, and uploaded files.
 * Message timestamps look like Slack's (`seconds.micros`) and are unique and increasing.
 */
export class FakeSlackStore {
  private readonly messages = new Map<string, FakeMessage>();
  readonly files = new Map<string, FakeFile>();
  /** Modals opened with `views.open`, oldest first. */
  readonly views: { id: string; triggerId: string; view: Record<string, unknown> }[] = [];
  private seq = 0;

  /** A new file id (`F…`) for an announced upload. */
  announceFile(f: Pick<FakeFile, 'filename' | 'length' | 'altText'>): FakeFile {
    this.seq += 1;
    const file: FakeFile = { ...f, id: `F${String(this.seq).padStart(8, '0')}`, title: undefined, data: undefined, completed: undefined };
    this.files.set(file.id, file);
    return file;
  }

  post(channel: string, user: string, text: string, threadTs?: string): FakeMessage {
    this.seq += 1;
    const ts = `${Math.floor(Date.now() / 1000)}.${String(this.seq).padStart(6, '0')}`;
    const msg: FakeMessage = { channel, ts, text, user, threadTs, reactions: new Map() };
    this.messages.set(key(channel, ts), msg);
    return msg;
  }

  /** Deletes a message (`chat.delete`); false when there was none. */
  remove(channel: string, ts: string): boolean {
    return this.messages.delete(key(channel, ts));
  }

  get(channel: string, ts: string): FakeMessage | undefined {
    return this.messages.get(key(channel, ts));
  }

  all(): FakeMessage[] {
    return [...this.messages.values()];
  }

  /** Returns false when the user had already reacted with that name. */
  addReaction(msg: FakeMessage, name: string, user: string): boolean {
    const users = msg.reactions.get(name) ?? [];
    if (users.includes(user)) return false;
    msg.reactions.set(name, [...users, user]);
    return true;
  }

  /** Returns false when there was no such reaction. */
  removeReaction(msg: FakeMessage, name: string, user: string): boolean {
    const users = msg.reactions.get(name) ?? [];
    if (!users.includes(user)) return false;
    const rest = users.filter((u) => u !== user);
    if (rest.length) msg.reactions.set(name, rest);
    else msg.reactions.delete(name);
    return true;
  }
}

function key(channel: string, ts: string): string {
  return `${channel}/${ts}`;
}
