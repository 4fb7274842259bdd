/** Domain types shared by the core, storage and adapters. Plain data only. */

export type Platform = 'discord' | 'slack' | 'console';

/** A ranked answer: an attribute label and its probability. */
export interface Candidate {
  readonly label: string;
  readonly p: number;
}

export interface NewPrediction {
  platform: Platform;
  workspaceId: string;
  channelId: string;
  messageId: string | null;
  userId: string;
  phraseRaw: string;
  phrase: string;
  candidates: Candidate[];
  encoderId: string;
  modelVersionId: number | null;
  /** Set when the bot asked on its own (`Quiz`, `Learning prompt`): shown above the prediction. */
  heading?: string | null;
  /** Words of the phrase the encoder did not know (shown under the prediction). */
  unknownWords?: string[];
}

export interface PredictionRecord extends NewPrediction {
  id: number;
  createdAt: Date;
  heading: string | null;
  unknownWords: string[];
}

export type FeedbackKind = 'confirm' | 'choose' | 'reject' | 'new_label';

/** One user's vote on one prediction. (predictionId, userId, kind, label) is unique. */
export interface Vote {
  predictionId: number;
  userId: string;
  kind: FeedbackKind;
  label: string;
  /**
   * The voter was an admin when voting (platform permissions or configuration, as for admin
   * commands): the vote weighs more in training. Absent means not an admin (or not known).
   */
  voterIsAdmin?: boolean;
  /**
   * How it was cast: a reaction or a message button. Absent means not known (votes stored before
   * it was recorded, corrections typed as a command): start-up reconciliation retracts a vote for
   * its missing reaction only when it knows the vote was a reaction (or no buttons were ever shown).
   */
  via?: VoteVia;
}

/** How a vote was cast (see {@link Vote.via}). */
export type VoteVia = 'reaction' | 'button';

export interface VoteRecord extends Vote {
  id: number;
  createdAt: Date;
  retractedAt: Date | null;
}

export type ExampleSource = 'wordnet' | 'user' | 'admin' | 'import';

export interface Example {
  phrase: string;
  label: string;
  source: ExampleSource;
  weight: number;
}

/** A labelled phrase with its soft target: label → weight (the trainer normalizes). */
export interface TrainingItem {
  phrase: string;
  target: Map<string, number>;
  /** Held out from training for the gate's evaluation. */
  heldOut: boolean;
}

export type ModelStatus = 'candidate' | 'active' | 'rejected' | 'retired';

export interface EvalMetrics {
  n: number;
  top1: number;
  top5: number;
  mrr: number;
  coverage: number;
  /**
   * Expected calibration error of the first answer's probability (10 equal-width bins): how far
   * "70%" is from being right 70% of the time. Absent in metrics stored before it was measured.
   */
  ece?: number;
}

export interface ModelMetrics {
  /** Metrics per evaluation set name, e.g. `seed-holdout`, `wordnet-dev.tsv`. */
  sets: Record<string, EvalMetrics>;
  /** The number the gate compares: examples-weighted top-1 across sets. */
  gateTop1: number;
  examples: number;
  labels: number;
  backend?: string;
  device?: string;
  trainSeconds?: number;
}

export interface ModelSummary {
  id: number;
  encoderId: string;
  status: ModelStatus;
  labels: number;
  metrics: ModelMetrics;
  reason: string | null;
  createdAt: Date;
  activatedAt: Date | null;
}

export interface ModelVersionRecord extends ModelSummary {
  labelList: string[];
  weights: Uint8Array;
}

export type RunTrigger = 'cron' | 'admin' | 'cli' | 'startup';
export type RunStatus = 'running' | 'promoted' | 'rejected' | 'skipped' | 'failed';

export interface RunRecord {
  id: number;
  trigger: RunTrigger;
  requestedBy: string | null;
  encoderId: string;
  backend: string | null;
  status: RunStatus;
  examples: number;
  labels: number;
  metrics: ModelMetrics | null;
  error: string | null;
  modelVersionId: number | null;
  startedAt: Date;
  finishedAt: Date | null;
}

export interface AuditEntry {
  actor: string;
  action: string;
  subject: string;
  before?: unknown;
  after?: unknown;
}

export interface RetrainRequest {
  trigger: RunTrigger;
  requestedBy: string | null;
  /** Promote even when the gate would reject. */
  force?: boolean;
  /** Train even when nothing changed since the active model. */
  always?: boolean;
  progress?: (line: string) => void;
  /** Who asked and where (chat commands): a queued retrain's outcome is told to them there. */
  requester?: RetrainRequester;
}

/** Who asked for a retrain from a chat, and where: a queued retrain's outcome is told to them there. */
export interface RetrainRequester {
  platform: Platform;
  channelId: string;
  userId: string;
}

export type RetrainOutcome =
  | { status: 'busy' }
  /** Handed to the trainer process (this process does not train). */
  | { status: 'queued'; requestId: number }
  | { status: 'skipped'; reason: string; run: RunRecord }
  | { status: 'failed'; error: string; run: RunRecord }
  | {
      status: 'promoted' | 'rejected';
      run: RunRecord;
      metrics: ModelMetrics;
      previous: ModelMetrics | null;
      reason: string;
      modelId: number;
    };

/** A ranked answer for one phrase. */
export interface PredictionResult {
  candidates: Candidate[];
  modelVersion: number | null;
  encoderId: string;
  /** Words the encoder had no vector for. */
  oov: string[];
}
