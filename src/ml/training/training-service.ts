import type { Storage, TrainerPort } from '../../core/ports.js';
import { encoderName } from '../../core/render/model-status.js';
import type { ModelMetrics, RetrainOutcome, RetrainRequest } from '../../core/types.js';
import { toAppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { storedModel } from '../model/build-scoring-model.js';
import type { Predictor } from '../model/predictor.js';
import type { BackendChoice } from '../trainer/backend.js';
import type { EvalItem } from './evaluate.js';
import { dataFingerprint } from './fingerprint.js';
import { decideAgainstRival, decideGate, type RivalComparison } from './gate.js';
import { metricsOf, pooledTop1 } from './gate-metrics.js';
import { retireSuperseded } from './retire-superseded.js';
import { findRival, repeatsLostChallenge } from './rival.js';
import { trainModel, type TrainModelOptions } from './train-model.js';
import { buildTrainingSet } from './training-set.js';
import { trustedVotes } from './trusted-votes.js';
import type { WordFrequency } from '../model/word-frequency.js';

export interface TrainingSettings {
  backend: BackendChoice;
  gateMargin: number;
  /** Extra evaluation sets for the gate (e.g. wordnet-dev.tsv), by name. */
  gateSets: () => Promise<Record<string, EvalItem[]>>;
  /** Word frequencies, so a class is shown by its most everyday label. */
  frequency?: WordFrequency;
  /** Phrases of several words with known labels, for the multi-word scale (see `TrainModelOptions`). */
  multiWordExamples?: TrainModelOptions['multiWordExamples'];
  /**
   * A predictor over another encoder this process can run, or null: a new encoder's first model is
   * compared with that encoder's active model, each scored with its own encoder.
   */
  predictorFor?: (encoderId: string) => Promise<Predictor | null>;
  /** Called after a model was activated here (which encoder answers may change). */
  onActivated?: () => Promise<void>;
}

const LOCK = 'training';

/** Trains, evaluates, gates and activates models: one run at a time across every process. */
export function trainingService(storage: Storage, predictor: Predictor, settings: TrainingSettings, logger: Logger): TrainerPort {
  const encoder = predictor.encoder;

  // Models of an earlier version of this encoder, which can never run again (`retire-superseded.ts`);
  // a failure here is logged: it leaves clutter, never a wrong answer.
  async function retireStale(modelId: number): Promise<void> {
    const retired = await retireSuperseded(storage, encoder.id, modelId).catch((err: unknown) => {
      logger.error({ err }, 'could not retire the models of an earlier encoder version');
      return [];
    });
    if (retired.length > 0) logger.info({ retired, encoder: encoder.id }, 'retired the models of an earlier encoder version');
  }

  async function run(req: RetrainRequest): Promise<Exclude<RetrainOutcome, { status: 'busy' }>> {
    const say = req.progress ?? (() => undefined);
    const [examples, allVotes, quarantined] = await Promise.all([storage.examples.listActive(), storage.feedback.listLive(), storage.quarantine.list()]);
    const votes = trustedVotes(allVotes, quarantined);
    const fingerprint = dataFingerprint(examples, votes);
    const active = await storage.models.getActive(encoder.id);
    if (active) await retireStale(active.id);
    // The encoder changed: its first model must not be worse than the other encoder's active one.
    const { rival, models } = active ? { rival: null, models: [] } : await findRival(storage, encoder.id, settings.predictorFor);
    let runRecord = await storage.runs.start({ trigger: req.trigger, requestedBy: req.requestedBy, encoderId: encoder.id });
    const unchanged =
      !req.always && active && (active.metrics as ModelMetrics & { fingerprint?: string }).fingerprint === fingerprint
        ? 'nothing changed since the active model'
        : rival?.predictor && !req.force
          ? repeatsLostChallenge(encoder.id, models, fingerprint, rival)
          : null;
    if (unchanged) {
      runRecord = await storage.runs.finish(runRecord.id, { status: 'skipped', error: unchanged });
      return { status: 'skipped', reason: unchanged, run: runRecord };
    }
    try {
      const set = buildTrainingSet(examples, votes);
      say(`training on ${set.train.length} phrases, ${set.labels.length} labels…`);
      const trained = await trainModel(encoder, predictor.store, set, {
        backend: settings.backend,
        candidates: (model, phrases) => predictor.candidatesFor(model, phrases),
        ...(settings.frequency ? { frequency: settings.frequency } : {}),
        ...(settings.multiWordExamples ? { multiWordExamples: settings.multiWordExamples } : {}),
        onEpoch: (p) => {
          if (p.epoch % 5 === 0) say(`epoch ${p.epoch}: validation loss ${p.valLoss?.toFixed(3) ?? '–'}`);
        },
      });
      const toItems = (ps: typeof set.train) => ps.map((p) => ({ phrase: p.phrase, accepted: [...p.target.keys()] }));
      const sets: Record<string, EvalItem[]> = { ...(await settings.gateSets()) };
      for (const [name, ps] of Object.entries(set.heldOut)) sets[name] = toItems(ps);
      const candidateSets = await metricsOf(predictor, trained.model, sets);
      const previousSets = active
        ? await metricsOf(predictor, await storedModel(encoder, predictor.store, active), sets)
        : rival?.predictor
          ? await metricsOf(rival.predictor, await storedModel(rival.predictor.encoder, rival.predictor.store, rival.record), sets)
          : null;
      const versus: RivalComparison | null = rival && previousSets ? { encoderId: rival.record.encoderId, modelId: rival.record.id, gateTop1: pooledTop1(previousSets) } : null;
      const metrics: ModelMetrics & { fingerprint: string; versus?: RivalComparison } = {
        sets: candidateSets,
        gateTop1: pooledTop1(candidateSets),
        examples: set.train.length,
        labels: trained.model.labels.length,
        backend: trained.result.backend,
        device: trained.result.device,
        trainSeconds: Math.round(trained.result.trainSeconds * 10) / 10,
        fingerprint,
        ...(versus ? { versus } : {}),
      };
      const previous = previousSets && { ...((active ?? rival?.record)?.metrics as ModelMetrics), sets: previousSets, gateTop1: pooledTop1(previousSets) };
      const saved = await storage.models.createCandidate({ encoderId: encoder.id, labels: [...trained.model.labels], weights: trained.weights, metrics });
      const force = req.force ?? false;
      const uncompared = rival && !versus ? `; ${encoderName(rival.record.encoderId)} model ${rival.record.id} was not compared: its encoder cannot run here` : '';
      const decision = versus
        ? decideAgainstRival({ encoderId: encoder.id, modelId: saved.id, gateTop1: metrics.gateTop1 }, versus, settings.gateMargin, force)
        : decideGate(metrics.gateTop1, previous?.gateTop1 ?? null, settings.gateMargin, force);
      const reason = decision.reason + uncompared;
      if (decision.promote) {
        await storage.models.activate(saved.id, reason);
        predictor.use({ ...trained.model, version: saved.id });
        await storage.events.publishActivated(encoder.id, saved.id);
        await retireStale(saved.id);
        // The model is active whatever happens next; a failed switch is logged, not a failed run.
        await settings.onActivated?.().catch((err: unknown) => logger.error({ err }, 'could not switch to the new model'));
      } else {
        await storage.models.reject(saved.id, reason);
      }
      const status = decision.promote ? 'promoted' : 'rejected';
      runRecord = await storage.runs.finish(runRecord.id, {
        status,
        backend: `${trained.result.backend} (${trained.result.device})`,
        examples: set.train.length,
        labels: trained.model.labels.length,
        metrics,
        modelVersionId: saved.id,
      });
      await storage.audit.append({ actor: req.requestedBy ?? req.trigger, action: `model.${status}`, subject: `model:${saved.id}`, before: previous, after: metrics });
      logger.info({ model: saved.id, status, gateTop1: metrics.gateTop1, previous: previous?.gateTop1 }, 'training finished');
      return { status, run: runRecord, metrics, previous, reason, modelId: saved.id };
    } catch (err) {
      const e = toAppError(err, 'training.failed', 'Training failed');
      logger.error({ err }, 'training failed');
      runRecord = await storage.runs.finish(runRecord.id, { status: 'failed', error: e.message });
      return { status: 'failed', error: e.message, run: runRecord };
    }
  }

  return {
    /** Runs one training under the cross-process lock; a concurrent request gets `busy`. */
    async retrain(req: RetrainRequest): Promise<RetrainOutcome> {
      const res = await storage.locks.tryWithLock(LOCK, async () => {
        await storage.runs.failInterrupted();
        return run(req);
      });
      return res.acquired ? res.value : { status: 'busy' };
    },
  };
}

