/**
 * Ports: the interfaces the platform-neutral core needs from the outside world. Adapters,
 * storage and ML implementations live elsewhere and implement these.
 */

import type { PredictionReply } from './chat/chat-core.js';
import type {
  AuditEntry,
  Example,
  ExampleSource,
  ModelMetrics,
  ModelSummary,
  ModelVersionRecord,
  NewPrediction,
  PredictionResult,
  RetrainOutcome,
  RetrainRequest,
  RetrainRequester,
  Platform,
  PredictionRecord,
  RunRecord,
  RunStatus,
  RunTrigger,
  Vote,
  VoteRecord,
} from './types.js';
import type { TaughtArchiveRepo } from './archive-ports.js';
import type { DashboardAuthRepo, DashboardReadRepo } from './dashboard-ports.js';
import type { RetrainQueue } from './retrain-queue-port.js';

export type {
  ArchivedPrediction,
  ArchivedQuarantine,
  ArchivedVote,
  RestoreCounts,
  TaughtArchive,
  TaughtArchiveRepo,
} from './archive-ports.js';
export type { DashboardAuthRepo, DashboardLinkRow, DashboardReadRepo, DashboardSessionRow } from './dashboard-ports.js';
export type { RetrainClaim, RetrainNoticeRow, RetrainQueue } from './retrain-queue-port.js';

/** Turns phrases into fixed-size vectors. Implementations batch internally. */
export interface Encoder {
  /** Identifies model, pooling and dtype, e.g. `bert:Xenova/bert-base-uncased:cls:fp32`. */
  readonly id: string;
  readonly dim: number;
  /** One vector per phrase, in order. */
  encode(phrases: readonly string[]): Promise<Float32Array[]>;
  /** Words of a phrase the encoder has no vector for (empty for sub-word encoders). */
  oov?(phrase: string): string[];
  dispose?(): Promise<void>;
}


export interface PredictionRepo {
  create(p: NewPrediction): Promise<PredictionRecord>;
  /** Records the platform message that shows the prediction, so reactions map back to it. */
  attachMessage(id: number, messageId: string): Promise<void>;
  get(id: number): Promise<PredictionRecord | null>;
  findByMessage(platform: Platform, channelId: string, messageId: string): Promise<PredictionRecord | null>;
  /** Predictions with a message id on a platform since a time (for reconciliation). */
  listSince(platform: Platform, since: Date): Promise<PredictionRecord[]>;
  /** Normalized phrases asked since a time whose predictions got no vote (the quiz pool), most recently asked first. */
  unvotedPhrasesSince(since: Date, limit: number): Promise<string[]>;
  /** Normalized phrases of `userId`'s posted predictions (message attached) since a time: learning prompts already asked. */
  postedPhrasesOfUserSince(userId: string, since: Date): Promise<string[]>;
  /** The user's most recent prediction on a platform (for `/attribute-correct` without a reply). */
  latestForUser(platform: Platform, userId: string): Promise<PredictionRecord | null>;
}

export interface FeedbackRepo {
  /** Stores a vote; a duplicate is a no-op (`created: false`); a retracted vote is revived. */
  record(vote: Vote): Promise<{ created: boolean }>;
  /** Retracts one vote by id (moderation); returns it, or null when there was no live vote. */
  retractById(id: number): Promise<VoteRecord | null>;
  /**
   * Marks a vote retracted; returns false when there was nothing to retract. With `createdBefore`,
   * only a vote cast (or revived) before that time is retracted (reconciliation never undoes a newer one).
   */
  retract(vote: Vote, opts?: { createdBefore?: Date }): Promise<boolean>;
  /** Live (not retracted) votes on a prediction. */
  listForPrediction(predictionId: number): Promise<VoteRecord[]>;
  /** Every live vote (of one normalized phrase, when given) with its prediction's phrase and platform (training input). */
  listLive(phrase?: string): Promise<(VoteRecord & { phrase: string; platform: Platform })[]>;
  /** Recent votes (live and retracted), newest first, optionally of one user, for moderation. */
  listRecent(limit: number, userId?: string): Promise<(VoteRecord & { phrase: string; platform: Platform })[]>;
  latestChange(): Promise<Date | null>;
  /** Live votes per UTC day over the last `days` days, oldest first. */
  votesPerDay(days: number): Promise<{ day: string; votes: number }[]>;
  /** (model's first answer, label users chose instead) pairs, most frequent first. */
  confusedPairs(limit: number): Promise<{ predicted: string; chosen: string; votes: number }[]>;
  /** The prediction a user most recently marked ❌ (live vote) on a platform, if any. */
  latestRejectBy(platform: Platform, userId: string): Promise<PredictionRecord | null>;
}

export interface ExampleRepo {
  /** Inserts or updates examples (keyed by phrase, label, source); returns the number written. */
  upsertMany(examples: readonly Example[]): Promise<number>;
  listActive(): Promise<Example[]>;
  count(source?: ExampleSource): Promise<number>;
  /** Removes every example from one source (e.g. before re-seeding WordNet). */
  deleteSource(source: ExampleSource): Promise<number>;
  latestChange(): Promise<Date | null>;
}

export interface NewModelVersion {
  encoderId: string;
  labels: string[];
  weights: Uint8Array;
  metrics: ModelMetrics;
}

export interface ModelRepo {
  createCandidate(m: NewModelVersion): Promise<ModelSummary>;
  /** Atomically retires the encoder's active model and activates this one. */
  activate(id: number, reason?: string): Promise<void>;
  reject(id: number, reason: string): Promise<void>;
  /**
   * Retires a model while it is active, leaving its encoder without an active model (a model of an
   * encoder version this code no longer runs); returns false when it was not active.
   */
  retire(id: number, reason: string): Promise<boolean>;
  getActive(encoderId: string): Promise<ModelVersionRecord | null>;
  get(id: number): Promise<ModelVersionRecord | null>;
  list(encoderId?: string): Promise<ModelSummary[]>;
  /** Re-activates the most recently retired model of an encoder; returns it, or null if none. */
  rollback(encoderId: string): Promise<ModelSummary | null>;
}

export interface RunRepo {
  start(r: { trigger: RunTrigger; requestedBy: string | null; encoderId: string }): Promise<RunRecord>;
  finish(
    id: number,
    r: {
      status: Exclude<RunStatus, 'running'>;
      backend?: string | null;
      examples?: number;
      labels?: number;
      metrics?: ModelMetrics | null;
      error?: string | null;
      modelVersionId?: number | null;
    },
  ): Promise<RunRecord>;
  recent(limit: number): Promise<RunRecord[]>;
  /** Marks runs left `running` by a process that died as failed (call while holding the training lock). */
  failInterrupted(): Promise<number>;
}

export interface EmbeddingCacheRepo {
  getMany(encoderId: string, phrases: readonly string[]): Promise<Map<string, Float32Array>>;
  putMany(encoderId: string, entries: ReadonlyMap<string, Float32Array>): Promise<void>;
}

export interface AuditRepo {
  append(entry: AuditEntry): Promise<void>;
  list(limit: number): Promise<(AuditEntry & { id: number; createdAt: Date })[]>;
}

/** A cross-process mutual exclusion (PostgreSQL advisory lock). */
export interface LockPort {
  /** Runs `fn` holding the named lock, or returns `{ acquired: false }` at once if another holds it. */
  tryWithLock<T>(name: string, fn: () => Promise<T>): Promise<{ acquired: true; value: T } | { acquired: false }>;
}

/** Tells every process that a model became active (LISTEN/NOTIFY or an in-process event). */
export interface ModelEvents {
  publishActivated(encoderId: string, modelId: number): Promise<void>;
  /** Returns an unsubscribe function. */
  onActivated(listener: (encoderId: string, modelId: number) => void): Promise<() => Promise<void>>;
  /** Tells every process that a vote on `phrase` (a prediction's normalized phrase) was recorded or retracted. */
  publishTaught(phrase: string): Promise<void>;
  /** Follows {@link ModelEvents.publishTaught} from every process; returns an unsubscribe function. */
  onTaught(listener: (phrase: string) => void): Promise<() => Promise<void>>;
}

/** Users whose votes are excluded from training (kept for the audit). */
export interface QuarantineRepo {
  add(platform: Platform, userId: string, by: string, reason?: string): Promise<boolean>;
  remove(platform: Platform, userId: string): Promise<boolean>;
  /** Keys `platform:userId`. */
  list(): Promise<Set<string>>;
}

/** A voter's standing in training: how much their votes weigh (for moderation). */
export interface VoterStanding {
  /** Quarantined: none of their votes is trained on. */
  quarantined: boolean;
  /** 0…1: agreement with other voters on shared phrases, smoothed towards the prior for new voters. */
  reliability: number;
  /** The phrases they share with other voters, which the reliability rests on. */
  overlapping: number;
}

/** Reads how far training trusts a voter (computed from the live votes, as the next retrain would). */
export interface VoterTrustPort {
  /** The voter's standing, or null when they have no vote training would use. */
  standing(platform: Platform, userId: string): Promise<VoterStanding | null>;
}

/**
 * A chat platform's ability to post on its own initiative, outside any command (learning prompts).
 * Implemented by each platform adapter.
 */
export interface ChannelPoster {
  readonly platform: Platform;
  /** The workspace (Discord server, Slack team) a channel belongs to, as stored with predictions. */
  workspaceOf(channelId: string): Promise<string>;
  /**
   * Posts a prediction publicly in a channel, records its message id (`ChatCore.attachMessage`)
   * before any vote reaction exists, then adds the reactions.
   *
   * @throws PlatformError when the message could not be posted (e.g. the bot may not post there).
   */
  postPrediction(channelId: string, reply: PredictionReply): Promise<void>;
}

/**
 * Tells one user something on the bot's own initiative, outside any command (the outcome of a
 * retrain they queued). Implemented by each platform adapter.
 */
export interface UserNotifier {
  readonly platform: Platform;
  /**
   * `channel`: a message everyone in the channel sees; `private`: only the user sees it (a direct
   * message: a notice that arrives minutes later must outlive the session an ephemeral lives in).
   *
   * @throws PlatformError when the message could not be sent.
   */
  notify(to: RetrainRequester, text: string, visibility: 'channel' | 'private'): Promise<void>;
}

/** Every repository and storage service the core needs. */
export interface Storage {
  readonly kind: 'postgres' | 'pglite';
  readonly predictions: PredictionRepo;
  readonly feedback: FeedbackRepo;
  readonly examples: ExampleRepo;
  readonly models: ModelRepo;
  readonly runs: RunRepo;
  readonly embeddings: EmbeddingCacheRepo;
  readonly audit: AuditRepo;
  readonly retrainQueue: RetrainQueue;
  readonly quarantine: QuarantineRepo;
  readonly dashboardAuth: DashboardAuthRepo;
  readonly dashboardReads: DashboardReadRepo;
  /** What people taught, as one archive (export / import). */
  readonly archive: TaughtArchiveRepo;
  readonly locks: LockPort;
  readonly events: ModelEvents;
  /** Cheap liveness query. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Ranks attribute labels for a phrase with the active model. */
export interface PredictorPort {
  readonly encoderId: string;
  readonly activeVersion: number | null;
  predict(phrase: string, k: number): Promise<PredictionResult>;
  /** The phrases ordered most informative first (the model is least sure about them). */
  mostUncertain(phrases: readonly string[]): Promise<string[]>;
  /** Whether the answering model has a class for this label (a vote for it is learned at once). */
  knowsLabel(label: string): boolean;
  /** Every label {@link PredictorPort.knowsLabel} knows (autocomplete of corrections); empty before a model is loaded. */
  labels(): readonly string[];
  /** Which encoder's model answers and why (`status`); absent where a process has one encoder only. */
  answering?(): Promise<AnsweringStatus>;
}

/**
 * Which encoder's model answers and why: models belong to an encoder, and a new encoder's first
 * model answers only if it is not worse than the other encoder's active model.
 */
export interface AnsweringStatus {
  encoderId: string;
  /** The answering model; null: none trained for this encoder yet (zero-shot ranking). */
  modelId: number | null;
  /** One clause, e.g. "bert model 9 scored 0.410 vs 0.470 top-1 … kept glove". */
  why: string;
}

/** Runs a training under the cross-process lock; a concurrent request gets `busy`. */
export interface TrainerPort {
  retrain(req: RetrainRequest): Promise<RetrainOutcome>;
}
