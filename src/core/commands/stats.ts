import { AppError } from '../../errors.js';
import type { ChatFile, ChatReply } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { accuracyChart } from '../render/accuracy-chart.js';
import { modelStatusText } from '../render/model-status.js';
import type { ModelSummary } from '../types.js';

/**
 * `/attribute-admin stats`: votes per day (last 14 days), the held-out top-1 of each model version,
 * and the label pairs users correct most (the model said X, people chose Y), with a PNG chart of
 * accuracy across model versions. Without a chart (no model yet, or it could not be drawn) the text
 * says why.
 */
export async function stats(deps: ChatDeps): Promise<ChatReply> {
  const [perDay, models, pairs] = await Promise.all([
    deps.storage.feedback.votesPerDay(14),
    deps.storage.models.list(deps.predictor.encoderId),
    deps.storage.feedback.confusedPairs(5),
  ]);
  const lines = ['votes per day (last 14 days):'];
  lines.push(perDay.length ? perDay.map((d) => `  ${d.day}: ${d.votes}`).join('\n') : '  none yet');
  lines.push('held-out top-1 by model version:');
  const versions = [...models].reverse().slice(-10);
  lines.push(versions.length ? versions.map((m) => `  v${m.id} ${modelStatusText(m).padEnd(11)} ${m.metrics.gateTop1.toFixed(3)}`).join('\n') : '  no models yet');
  lines.push('most corrected (model said → people chose):');
  lines.push(pairs.length ? pairs.map((p) => `  ${p.predicted} → ${p.chosen} (${p.votes})`).join('\n') : '  no corrections yet');
  const chart = await drawChart(deps, models);
  if ('note' in chart) lines.push(chart.note);
  return { kind: 'text', ephemeral: true, text: lines.join('\n'), ...('file' in chart ? { files: [chart.file] } : {}) };
}

async function drawChart(deps: ChatDeps, models: readonly ModelSummary[]): Promise<{ file: ChatFile } | { note: string }> {
  const spec = accuracyChart(models);
  if (!spec) return { note: 'chart: none yet — there is no model version to plot.' };
  try {
    const data = await deps.charts.lineChart(spec);
    const alt = `Line chart of held-out top-1 and top-5 accuracy for model versions ${spec.series[0]?.points.map((p) => `v${p.x}`).join(', ') ?? ''}.`;
    return { file: { name: 'attribot-accuracy.png', data, alt } };
  } catch (err) {
    // The renderer logged the cause; the numbers above still answer the question.
    return { note: `chart: unavailable — ${err instanceof AppError ? err.message : 'it could not be drawn.'}` };
  }
}
