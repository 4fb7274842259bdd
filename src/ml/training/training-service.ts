import type { Storage, TrainerPort } from '../../core/ports.js';
import type { EvalMetrics, ModelMetrics, RetrainOutcome, RetrainRequest } from '../../core/types.js';
import { toAppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { storedModel } from '../model/build-scoring-model.js';
import type { Predictor } from '../model/predictor.js';
import type { ScoringModel } from '../model/scoring-model.js';
import type { BackendChoice } from '../trainer/backend.js';
import { evaluate, type EvalItem } from './evaluate.js';
import { dataFingerprint } from './fingerprint.js';
import { decideGate } from './gate.js';
import { trainModel } from './train-model.js';
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
}

const LOCK = 'training';

/** Trains, evaluates, gates and activates models: one run at a time across every process. */
export function trainingService(storage: Storage, predictor: Predictor, settings: TrainingSettings, logger: Logger): TrainerPort {
  const encoder = predictor.encoder;

  async function metricsOf(model: ScoringModel, sets: Record<string, EvalItem[]>): Promise<ModelMetrics['sets']> {
    const out: Record<string, EvalMetrics> = {};
    for (const [name, items] of Object.entries(sets)) {
      if (items.length === 0) continue;
      const phrases = items.map((i) => i.phrase);
      out[name] = evaluate(model, items, await predictor.store.vectors(phrases), await predictor.candidatesFor(model, phrases));
    }
    return out;
  }

  async function run(req: RetrainRequest): Promise<Exclude<RetrainOutcome, { status: 'busy' }>> {
    const say = req.progress ?? (() => undefined);
    const [examples, allVotes, quarantined] = await Promise.all([storage.examples.listActive(), storage.feedback.listLive(), storage.quarantine.list()]);
    const votes = trustedVotes(allVotes, quarantined);
    const fingerprint = dataFingerprint(examples, votes);
    const active = await storage.models.getActive(encoder.id);
    let runRecord = await storage.runs.start({ trigger: req.trigger, requestedBy: req.requestedBy, encoderId: encoder.id });
    if (!req.always && active && (active.metrics as ModelMetrics & { fingerprint?: string }).fingerprint === fingerprint) {
      const reason = 'nothing changed since the active model';
      runRecord = await storage.runs.finish(runRecord.id, { status: 'skipped', error: reason });
      return { status: 'skipped', reason, run: runRecord };
    }
    try {
      const set = buildTrainingSet(examples, votes);
      say(`training on ${set.train.length} phrases, ${set.labels.length} labels…`);
      const trained = await trainModel(encoder, predictor.store, set, {
        backend: settings.backend,
        candidates: (model, phrases) => predictor.candidatesFor(model, phrases),
        ...(settings.frequency ? { frequency: settings.frequency } : {}),
        onEpoch: (p) => {
          if (p.epoch % 5 === 0) say(`epoch ${p.epoch}: validation loss ${p.valLoss?.toFixed(3) ?? '–'}`);
        },
      });
      const toItems = (ps: typeof set.train) => ps.map((p) => ({ phrase: p.phrase, accepted: [...p.target.keys()] }));
      const sets: Record<string, EvalItem[]> = { ...(await settings.gateSets()) };
      for (const [name, ps] of Object.entries(set.heldOut)) sets[name] = toItems(ps);
      const candidateSets = await metricsOf(trained.model, sets);
      const previousSets = active ? await metricsOf(await storedModel(encoder, predictor.store, active), sets) : null;
      const metrics: ModelMetrics & { fingerprint: string } = {
        sets: candidateSets,
        gateTop1: pooledTop1(candidateSets),
        examples: set.train.length,
        labels: trained.model.labels.length,
        backend: trained.result.backend,
        device: trained.result.device,
        trainSeconds: Math.round(trained.result.trainSeconds * 10) / 10,
        fingerprint,
      };
      const previous = previousSets && { ...(active?.metrics as ModelMetrics), sets: previousSets, gateTop1: pooledTop1(previousSets) };
      const decision = decideGate(metrics.gateTop1, previous?.gateTop1 ?? null, settings.gateMargin, req.force ?? false);
      const saved = await storage.models.createCandidate({ encoderId: encoder.id, labels: [...trained.model.labels], weights: trained.weights, metrics });
      if (decision.promote) {
        await storage.models.activate(saved.id, decision.reason);
        predictor.use({ ...trained.model, version: saved.id });
        await storage.events.publishActivated(encoder.id, saved.id);
      } else {
        await storage.models.reject(saved.id, decision.reason);
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
      return { status, run: runRecord, metrics, previous, reason: decision.reason, modelId: saved.id };
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


function pooledTop1(sets: ModelMetrics['sets']): number {
  let n = 0;
  let right = 0;
  for (const m of Object.values(sets)) {
    n += m.n;
    right += m.top1 * m.n;
  }
  return n === 0 ? 0 : Math.round((right / n) * 10_000) / 10_000;
}
