import { pngChartRenderer } from './chart/line-chart-png.js';
import type { Config } from './config/config.js';
import type { ChatCore } from './core/chat/chat-core.js';
import { createChatCore } from './core/chat/create-chat-core.js';
import type { ChatDeps } from './core/chat/deps.js';
import { postLearningPrompts, type LearningPromptOutcome, type LearningTarget } from './core/learning/learning-prompts.js';
import { rateLimiter } from './core/middleware/rate-limit.js';
import { queuedTrainer } from './core/queued-trainer.js';
import type { Encoder, Storage, TrainerPort } from './core/ports.js';
import type { Logger } from './logger.js';
import { signInLinks } from './dashboard/auth/sign-in-links.js';
import { AnsweringPredictor } from './ml/encoder/answering-predictor.js';
import { encoderRoster } from './ml/encoder/encoder-roster.js';
import { microBatched } from './ml/encoder/micro-batch.js';
import { encoderLoaders, selectEncoderWithReason } from './ml/encoder/select-encoder.js';
import { morphologySource } from './ml/model/morphology-source.js';
import { multiWordExamples } from './ml/seed/multi-word-examples.js';
import { Predictor } from './ml/model/predictor.js';
import { loadWordFrequency } from './ml/model/word-frequency.js';
import { readGateSets } from './ml/training/gate-sets.js';
import { taughtLookup } from './ml/training/taught-lookup.js';
import { trainingService } from './ml/training/training-service.js';
import { voterTrustService } from './ml/training/voter-trust-service.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { openStorage } from './storage/open-storage.js';

/** Everything a running attribot process is made of. */
export interface App {
  config: Config;
  logger: Logger;
  storage: Storage;
  /** The encoder `ENCODER` selected: the one this process trains. */
  encoder: Encoder;
  /** Answers with the selected encoder's model, or the other encoder's while that one is better. */
  predictor: AnsweringPredictor;
  trainer: TrainerPort;
  core: ChatCore;
  /** One round of learning prompts to the given channels (run by the learning-prompt schedule). */
  learningPrompts: (targets: readonly LearningTarget[]) => Promise<LearningPromptOutcome>;
  metrics: Metrics;
  close(): Promise<void>;
}

export interface AppOverrides {
  /** Use this encoder instead of the configured one (tests with fixtures); the other encoder still comes from the configuration. */
  encoder?: Encoder;
  /** Bot-only processes never train: admin retrains are queued for the trainer process. */
  canTrain?: boolean;
}

/**
 * The composition root: the only place that constructs concrete storage, encoders, the predictor,
 * the trainer and the chat core. Migrates the database on the way.
 */
export async function openApp(config: Config, logger: Logger, overrides: AppOverrides = {}): Promise<App> {
  const storage = await openStorage({
    databaseUrl: config.databaseUrl,
    pgliteDir: config.pgliteDir,
    onMigrationApplied: (name) => logger.info({ migration: name }, 'migration applied'),
    pool: { max: config.limits.dbPoolSize, connectionTimeoutMs: config.limits.dbConnectTimeoutMs },
    onEventsError: (err) => logger.warn({ err }, 'model events: the LISTEN connection was lost; reconnecting'),
  });
  try {
    const selected = overrides.encoder ? { encoder: overrides.encoder, fallback: null } : await selectEncoderWithReason(config, logger);
    const encoder = selected.encoder;
    const roster = encoderRoster(selected, encoderLoaders(config, logger), logger);
    const frequency = await loadWordFrequency();
    const morphology = await morphologySource(config.training.seedExclude, frequency);
    const lookup = taughtLookup(storage);
    const predictor = new AnsweringPredictor(roster, (e) => new Predictor(microBatched(e, config.encoder.batchWindowMs), storage, logger, morphology, lookup), storage, logger);
    const metrics = createMetrics();
    let examples: ReturnType<typeof multiWordExamples> | undefined;
    const trainer = metrics.trainer(trainingService(
      storage,
      predictor.trained,
      {
        backend: config.training.backend,
        gateMargin: config.training.gateMargin,
        gateSets: () => readGateSets(config.training.gateEvalFiles),
        frequency,
        // Read once; a failed read is tried again at the next training rather than kept.
        multiWordExamples: () =>
          (examples ??= multiWordExamples(config.training.seedExclude).catch((err: unknown) => {
            examples = undefined;
            throw err;
          })),
        predictorFor: (id) => predictor.predictorFor(id),
        onActivated: () => predictor.reload(),
      },
      logger,
    ));
    const chatDeps: ChatDeps = {
      storage,
      predictor: metrics.predictor(predictor),
      trainer: overrides.canTrain === false ? queuedTrainer(storage.retrainQueue) : trainer,
      rateLimit: rateLimiter(config.chat.rateLimitPerMinute, 60_000),
      charts: pngChartRenderer(logger),
      reconcileDays: config.chat.reconcileDays,
      voteControls: config.chat.voteControls,
      voterTrust: voterTrustService(storage),
      dashboardLinks: signInLinks(storage.dashboardAuth, config.dashboard.publicUrl),
    };
    const core = metrics.core(createChatCore(chatDeps));
    return {
      config,
      logger,
      storage,
      encoder,
      predictor,
      trainer,
      core,
      learningPrompts: (targets) => postLearningPrompts(chatDeps, targets),
      metrics,
      async close() {
        await predictor.idle();
        await roster.dispose();
        await storage.close();
      },
    };
  } catch (err) {
    await storage.close();
    throw err;
  }
}
