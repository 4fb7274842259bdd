import type { ChatReply } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';

/**
 * `/attribute-admin stats`: votes per day (last 14 days), the held-out top-1 of each model version,
 * and the label pairs users correct most (the model said X, people chose Y).
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
  lines.push(versions.length ? versions.map((m) => `  v${m.id} ${m.status.padEnd(8)} ${m.metrics.gateTop1.toFixed(3)}`).join('\n') : '  no models yet');
  lines.push('most corrected (model said → people chose):');
  lines.push(pairs.length ? pairs.map((p) => `  ${p.predicted} → ${p.chosen} (${p.votes})`).join('\n') : '  no corrections yet');
  return { kind: 'text', ephemeral: true, text: lines.join('\n') };
}
