import type { Platform, PredictionRecord } from '../types.js';

/** Who is asking, where. Adapters fill this from the platform event. */
export interface ChatContext {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  userId: string;
  /** Decided by the adapter from platform permissions (Discord) or configuration (Slack). */
  isAdmin: boolean;
  /** The local operator at the console: never rate-limited. */
  trusted?: boolean;
}

/** An edit the adapter applies to an earlier prediction message (e.g. the "thanks — recorded" footer). */
export interface MessageUpdate {
  predictionId: number;
  channelId: string;
  messageId: string;
  text: string;
}

/** A file shown with a reply, e.g. the stats chart (`image/png` when the name ends in `.png`). */
export interface ChatFile {
  /** File name with extension, e.g. `attribot-accuracy.png`. */
  name: string;
  data: Uint8Array;
  /** What the image shows, for screen readers. */
  alt?: string;
}

export type ChatReply =
  /** Bad input, rate limit or refusal: shown only to the asking user. */
  | { kind: 'error'; text: string; ephemeral: true }
  /**
   * Plain answer; `update` (if any) edits an earlier prediction message too; `files` (if any) are
   * shown with it, as privately as the platform allows.
   */
  | { kind: 'text'; text: string; ephemeral: boolean; update?: MessageUpdate; files?: readonly ChatFile[] }
  /**
   * A prediction: post `text` publicly, add `reactions` (unicode emoji, in order) to the posted
   * message, then call {@link ChatCore.attachMessage} with the platform message id.
   */
  | { kind: 'prediction'; text: string; predictionId: number; reactions: readonly string[] };

/** The prediction variant of {@link ChatReply}. */
export type PredictionReply = Extract<ChatReply, { kind: 'prediction' }>;

/** A reaction added or removed on some message. `emoji` is unicode ('1️⃣', '✅', '❌'). */
export interface ReactionEvent {
  platform: Platform;
  channelId: string;
  messageId: string;
  userId: string;
  emoji: string;
  added: boolean;
  /** The reacting user is an admin (as for {@link ChatContext.isAdmin}); absent means not known, counted as not. */
  isAdmin?: boolean;
}

export type ReactionResult =
  /** Not a prediction message, not a vote emoji, or a duplicate. */
  | { kind: 'ignored' }
  /** Stored (before this result is returned); edit the message with `update`. */
  | { kind: 'recorded'; update: MessageUpdate }
  /** ❌: stored as a rejection; ask the user for the right word with `prompt`. */
  | { kind: 'ask-word'; update: MessageUpdate; prompt: string };

/** Reactions currently on a prediction message, as read from the platform API (bot's own removed). */
export interface ObservedReactions {
  emoji: string;
  userIds: readonly string[];
}

/**
 * The platform-neutral chat use cases. Adapters translate platform events into these calls and the
 * results into platform messages; they hold no business logic.
 */
export interface ChatCore {
  /** `/attribute <phrase>` (also `/attribute quiz` when active learning is on). */
  attribute(ctx: ChatContext, text: string): Promise<ChatReply>;
  attachMessage(predictionId: number, messageId: string): Promise<void>;
  reaction(ev: ReactionEvent): Promise<ReactionResult>;
  /**
   * `/attribute-correct <word>`: the right label for a prediction: the one whose message the user
   * replied to (`messageId`), else the user's latest prediction answer on this platform.
   */
  correct(ctx: ChatContext, word: string, ref?: { messageId?: string }): Promise<ChatReply>;
  /** `/attribute-admin <args>`; `progress` receives interim lines (e.g. training epochs). */
  admin(ctx: ChatContext, args: string, progress?: (text: string) => Promise<void>): Promise<ChatReply>;
  /**
   * Start-up reconciliation: for each prediction message of the last days, the adapter reads the
   * message's reactions and the core records the votes it missed. Returns the number recorded.
   */
  reconcile(
    platform: Platform,
    read: (p: PredictionRecord & { messageId: string }) => Promise<readonly ObservedReactions[] | null>,
  ): Promise<number>;
}

/** The emoji the bot adds to its prediction messages, in order: 1️⃣–5️⃣, ✅, ❌. */
export const VOTE_EMOJI = ['1️⃣', '2️⃣', '3️⃣', '4️⃣', '5️⃣', '✅', '❌'] as const;
