import type { ModelMetrics, RetrainOutcome } from '../types.js';

function metricsLine(m: ModelMetrics): string {
  const sets = Object.entries(m.sets)
    .map(([name, s]) => `${name}: top-1 ${s.top1.toFixed(2)}, top-5 ${s.top5.toFixed(2)} (n=${s.n})`)
    .join('; ');
  // Named precisely: the seed's label count, the classes here and the example rows elsewhere differ.
  return `${m.examples} phrases, ${m.labels} labels in this model (phrases it was trained on; labels it answers with, synonyms merged)${m.backend ? `, trained on ${m.backend}` : ''}${sets ? ` — ${sets}` : ''}`;
}

/** One readable paragraph about a retrain: whether the model was promoted and its metrics. */
export function renderRetrainOutcome(o: RetrainOutcome): string {
  switch (o.status) {
    case 'busy':
      return 'A training is already running; try again when it has finished.';
    case 'queued':
      return `Queued as retrain request #${o.requestId}: the trainer process runs it within a minute, and you will be told the outcome (here when the model is promoted, else in a direct message).`;
    case 'skipped':
      return `Nothing to do: ${o.reason}.`;
    case 'failed':
      return `Training failed: ${o.error}`;
    case 'promoted':
      return `Model v${o.modelId} is now active (${o.reason}).\n${metricsLine(o.metrics)}`;
    case 'rejected':
      return `Model v${o.modelId} was kept as rejected: ${o.reason}. The active model stays.\n${metricsLine(o.metrics)}`;
  }
}

/** How a queued retrain's outcome reaches whoever asked for it. */
export interface RetrainNotice {
  text: string;
  /** `channel`: everyone where it was asked; `private`: only the requester. */
  visibility: 'channel' | 'private';
}

/**
 * The message that tells the requester of queued retrain `requestId` its outcome (`text` as
 * {@link renderRetrainOutcome} wrote it). As for a retrain run at once: a promoted model changes
 * everyone's answers, so the channel sees it; any other outcome is for the admin who asked.
 */
export function retrainNotice(requestId: number, outcome: { status: string; text: string }): RetrainNotice {
  const visibility = outcome.status === 'promoted' ? 'channel' : 'private';
  return { visibility, text: `Retrain request #${requestId} finished: ${outcome.text}` };
}
