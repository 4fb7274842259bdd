import type { ChatContext, ChatReply } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { answeringText } from '../render/model-status.js';
import { renderRetrainOutcome } from '../render/retrain-outcome.js';
import { dashboard } from './dashboard.js';
import { moderate } from './moderation.js';
import { stats } from './stats.js';

const HELP = 'Admin commands: retrain [force], status, stats, rollback, corrections [user], quarantine <user>, unquarantine <user>, delete-vote <id>, dashboard.';

/** What the admin commands with fixed arguments accept after their name (`quarantine` takes a free-text reason). */
const ARGUMENTS: Record<string, { usage: string; accepts: (args: readonly string[]) => boolean }> = {
  retrain: { usage: 'retrain [force]', accepts: (a) => a.length === 0 || (a.length === 1 && /^(--)?force$/i.test(a[0] ?? '')) },
  status: { usage: 'status', accepts: (a) => a.length === 0 },
  stats: { usage: 'stats', accepts: (a) => a.length === 0 },
  rollback: { usage: 'rollback', accepts: (a) => a.length === 0 },
  corrections: { usage: 'corrections [user]', accepts: (a) => a.length <= 1 },
  unquarantine: { usage: 'unquarantine <user>', accepts: (a) => a.length <= 1 },
  'delete-vote': { usage: 'delete-vote <id>', accepts: (a) => a.length <= 1 },
};

/** The refusal for arguments a command does not take, or null when they are fine. */
function extraWords(action: string, rest: readonly string[]): string | null {
  const spec = ARGUMENTS[action];
  if (!spec || spec.accepts(rest)) return null;
  return `Nothing was done: “${action}” does not take “${rest.join(' ')}”. Usage: /attribute-admin ${spec.usage}`;
}

/** `/attribute-admin retrain|status|rollback`: admins only; everyone else gets a polite refusal. */
export async function admin(deps: ChatDeps, ctx: ChatContext, args: string, progress?: (text: string) => Promise<void>): Promise<ChatReply> {
  const [first = '', ...rest] = args.trim().split(/\s+/);
  const action = first.toLowerCase();
  if (!ctx.isAdmin) {
    return { kind: 'error', ephemeral: true, text: 'Sorry — only attribot admins can do that. Your corrections by reaction still count!' };
  }
  const actor = `${ctx.platform}:${ctx.userId}`;
  // Extra words are refused, not ignored: `rollback please` must not roll back.
  const extra = extraWords(action, rest);
  if (extra) return { kind: 'error', ephemeral: true, text: extra };
  switch (action) {
    case 'retrain': {
      const force = rest.length === 1;
      await deps.storage.audit.append({ actor, action: 'admin.retrain', subject: 'model', after: { force } });
      const lines: Promise<void>[] = [];
      const outcome = await deps.trainer.retrain({
        trigger: 'admin',
        requestedBy: actor,
        force,
        always: true,
        requester: { platform: ctx.platform, channelId: ctx.channelId, userId: ctx.userId },
        progress: (line) => {
          if (progress) lines.push(progress(line).catch(() => undefined));
        },
      });
      await Promise.all(lines);
      // A promoted model changes everyone's answers, so the channel sees it; any other outcome
      // changes nothing for them and its details are for the admin.
      return { kind: 'text', ephemeral: outcome.status !== 'promoted', text: renderRetrainOutcome(outcome) };
    }
    case 'status': {
      const [runs, examples, answering] = await Promise.all([deps.storage.runs.recent(3), deps.storage.examples.count(), deps.predictor.answering?.()]);
      const runLines = runs.map((r) => `run ${r.id} (${r.trigger}, ${r.startedAt.toISOString().slice(0, 16)}): ${r.status}${r.error ? ` — ${r.error}` : ''}`);
      const version = deps.predictor.activeVersion;
      return {
        kind: 'text',
        ephemeral: true,
        text: [
          `encoder: ${deps.predictor.encoderId}`,
          `active model: ${version === null ? 'none (zero-shot ranking)' : `v${version}`}`,
          // Models belong to an encoder: which one answers, and why (e.g. the new encoder's model lost).
          ...(answering ? [answeringText(answering)] : []),
          `training examples: ${examples} phrase–label pairs (seed, imports and votes)`,
          ...(runLines.length ? runLines : ['no training runs yet']),
        ].join('\n'),
      };
    }
    case 'stats':
      return stats(deps);
    case 'dashboard':
      return dashboard(deps, ctx);
    case 'rollback': {
      const back = await deps.storage.models.rollback(deps.predictor.encoderId);
      await deps.storage.audit.append({ actor, action: 'admin.rollback', subject: 'model', after: back ? { model: back.id } : null });
      if (!back) return { kind: 'error', ephemeral: true, text: 'There is no earlier model to roll back to.' };
      await deps.storage.events.publishActivated(deps.predictor.encoderId, back.id);
      return { kind: 'text', ephemeral: false, text: `Rolled back: model v${back.id} is active again.` };
    }
    default: {
      const moderated = await moderate(deps, ctx, action, rest);
      if (moderated) return moderated;
      return { kind: 'error', ephemeral: true, text: action ? `Unknown admin command “${action}”. ${HELP}` : HELP };
    }
  }
}
