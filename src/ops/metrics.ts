import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ChatCore } from '../core/chat/chat-core.js';
import type { PredictorPort, TrainerPort } from '../core/ports.js';

/** attribot's Prometheus metrics, on their own registry (no global state). */
export function createMetrics() {
  const registry = new Registry();
  const latency = new Histogram({
    name: 'attribot_prediction_seconds',
    help: 'Encode + head latency of one prediction',
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const predictions = new Counter({ name: 'attribot_predictions_total', help: 'Predictions answered', registers: [registry] });
  const votes = new Counter({ name: 'attribot_votes_total', help: 'Votes recorded or retracted', labelNames: ['change'], registers: [registry] });
  const runs = new Counter({ name: 'attribot_training_runs_total', help: 'Training runs by outcome', labelNames: ['status'], registers: [registry] });
  const runSeconds = new Histogram({ name: 'attribot_training_seconds', help: 'Training run duration', buckets: [1, 5, 15, 60, 300, 1800], registers: [registry] });
  const activeModel = new Gauge({ name: 'attribot_active_model_version', help: 'Active model version (0 = none)', labelNames: ['encoder'], registers: [registry] });
  const answeringEncoder = new Gauge({ name: 'attribot_answering_encoder', help: 'Whether this encoder answered the last prediction (1) or not (0)', labelNames: ['encoder'], registers: [registry] });
  // Which encoder answers can change at run time (a new encoder's first model promoted, or not).
  let answering: string | null = null;
  const answeredBy = (encoderId: string) => {
    if (encoderId === answering) return;
    if (answering !== null) answeringEncoder.set({ encoder: answering }, 0);
    answeringEncoder.set({ encoder: encoderId }, 1);
    answering = encoderId;
  };

  return {
    registry,
    /** Wraps a predictor so every prediction is timed and counted. */
    predictor(inner: PredictorPort): PredictorPort {
      return {
        get encoderId() {
          return inner.encoderId;
        },
        get activeVersion() {
          activeModel.set({ encoder: inner.encoderId }, inner.activeVersion ?? 0);
          return inner.activeVersion;
        },
        mostUncertain: (phrases) => inner.mostUncertain(phrases),
        knowsLabel: (label) => inner.knowsLabel(label),
        labels: () => inner.labels(),
        ...(inner.answering ? { answering: inner.answering.bind(inner) } : {}),
        async predict(phrase, k) {
          const end = latency.startTimer();
          const r = await inner.predict(phrase, k);
          end();
          predictions.inc();
          activeModel.set({ encoder: r.encoderId }, r.modelVersion ?? 0);
          answeredBy(r.encoderId);
          return r;
        },
      };
    },
    trainer(inner: TrainerPort): TrainerPort {
      return {
        async retrain(req) {
          const end = runSeconds.startTimer();
          const outcome = await inner.retrain(req);
          end();
          runs.inc({ status: outcome.status });
          return outcome;
        },
      };
    },
    /** Counts votes (reactions and button clicks) that changed something. */
    core(inner: ChatCore): ChatCore {
      return {
        ...inner,
        async reaction(ev) {
          const r = await inner.reaction(ev);
          if (r.kind !== 'ignored') votes.inc({ change: ev.added ? 'add' : 'retract' });
          return r;
        },
        // A button click is a vote like a reaction: counted alike.
        async vote(ev) {
          const r = await inner.vote(ev);
          if (r.kind !== 'ignored') votes.inc({ change: r.kind === 'recorded' ? 'add' : 'retract' });
          return r;
        },
      };
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
