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

/** How people vote on prediction messages (`VOTE_CONTROLS`): emoji reactions, message buttons, or both. */
export type VoteControls = 'reactions' | 'buttons' | 'both';

/**
 * A button under a prediction message. `choose`/`confirm` buttons are votes: the adapter hands
 * `id` back to {@link ChatCore.vote} when clicked. The `word` button ("something else…") asks the
 * user for the right word (a form) and hands it to {@link ChatCore.correct} with the message as ref.
 */
export interface VoteChoice {
  /** `1`–`5` (the candidates), `ok` (✅, the first is right) or `word`; at most 3 characters. */
  id: string;
  /** What the button shows: the candidate's label, ✅, or "something else…". */
  label: string;
  kind: 'choose' | 'confirm' | 'word';
}

/** An edit the adapter applies to an earlier prediction message (e.g. the "thanks — recorded" footer). */
export interface MessageUpdate {
  predictionId: number;
  channelId: string;
  messageId: string;
  text: string;
  /**
   * The message's vote buttons (absent or empty: none). Platforms whose edit replaces the whole
   * message layout (Slack blocks) send them again with the new text.
   */
  choices?: readonly VoteChoice[];
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
   * A prediction: post `text` publicly with the `choices` as buttons (none when empty), call
   * {@link ChatCore.attachMessage} with the platform message id, then add `reactions` (unicode
   * emoji, in order; none when empty) to the posted message. Which of the two a prediction
   * carries follows `VOTE_CONTROLS`.
   */
  | { kind: 'prediction'; text: string; predictionId: number; reactions: readonly string[]; choices: readonly VoteChoice[] };

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

/** A click on a vote button ({@link VoteChoice.id}) under a prediction message. */
export interface ChoiceEvent {
  platform: Platform;
  channelId: string;
  messageId: string;
  userId: string;
  choice: string;
  /** As for {@link ReactionEvent.isAdmin}. */
  isAdmin?: boolean;
}

export type ChoiceResult =
  /** Not a prediction message or not a vote button; `text` tells the clicker why, privately. */
  | { kind: 'ignored'; text: string }
  /**
   * The click recorded the vote, or took back the clicker's same live vote (a click on the same
   * button again). Stored before this result is returned; show `text` to the clicker only and edit
   * the message with `update`.
   */
  | { kind: 'recorded' | 'retracted'; update: MessageUpdate; text: string };

/** Where a phrase to answer came from: typed after `/attribute`, or a chat message someone picked ("Name the attribute"). */
export type PhraseSource = 'command' | 'message';

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
  /**
   * `/attribute <phrase>` (also `/attribute quiz` when active learning is on). With `source`
   * `message`, `text` is a whole chat message: line breaks are spaces, a message over the phrase
   * limit gets a private hint to use `/attribute` with a shorter phrase, and "quiz" is a phrase.
   */
  attribute(ctx: ChatContext, text: string, source?: PhraseSource): Promise<ChatReply>;
  attachMessage(predictionId: number, messageId: string): Promise<void>;
  reaction(ev: ReactionEvent): Promise<ReactionResult>;
  /** A vote button clicked: records the vote, or retracts it when the clicker already has it (a toggle). */
  vote(ev: ChoiceEvent): Promise<ChoiceResult>;
  /** Known labels (attribute words) matching what a user typed so far, best first, at most `limit` (default 25): autocomplete. */
  knownLabels(typed: string, limit?: number): Promise<readonly string[]>;
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
