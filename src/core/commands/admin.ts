import type { ChatContext, ChatReply } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { renderRetrainOutcome } from '../render/retrain-outcome.js';
import { moderate } from './moderation.js';
import { stats } from './stats.js';

const HELP = 'Admin commands: retrain [force], status, stats, rollback, corrections [user], quarantine <user>, unquarantine <user>, delete-vote <id>.';

/** `/attribute-admin retrain|status|rollback`: admins only; everyone else gets a polite refusal. */
export async function admin(deps: ChatDeps, ctx: ChatContext, args: string, progress?: (text: string) => Promise<void>): Promise<ChatReply> {
  const [first = '', ...rest] = args.trim().split(/\s+/);
  const action = first.toLowerCase();
  if (!ctx.isAdmin) {
    return { kind: 'error', ephemeral: true, text: 'Sorry — only attribot admins can do that. Your corrections by reaction still count!' };
  }
  const actor = `${ctx.platform}:${ctx.userId}`;
  switch (action) {
    case 'retrain': {
      const force = rest.some((a) => a.toLowerCase() === 'force' || a.toLowerCase() === '--force');
      await deps.storage.audit.append({ actor, action: 'admin.retrain', subject: 'model', after: { force } });
      const lines: Promise<void>[] = [];
      const outcome = await deps.trainer.retrain({
        trigger: 'admin',
        requestedBy: actor,
        force,
        always: true,
        progress: (line) => {
          if (progress) lines.push(progress(line).catch(() => undefined));
        },
      });
      await Promise.all(lines);
      return { kind: 'text', ephemeral: false, text: renderRetrainOutcome(outcome) };
    }
    case 'status': {
      const [runs, examples] = await Promise.all([deps.storage.runs.recent(3), deps.storage.examples.count()]);
      const runLines = runs.map((r) => `run ${r.id} (${r.trigger}, ${r.startedAt.toISOString().slice(0, 16)}): ${r.status}${r.error ? ` — ${r.error}` : ''}`);
      const version = deps.predictor.activeVersion;
      return {
        kind: 'text',
        ephemeral: true,
        text: [
          `encoder: ${deps.predictor.encoderId}`,
          `active model: ${version === null ? 'none (zero-shot ranking)' : `v${version}`}`,
          `training examples: ${examples}`,
          ...(runLines.length ? runLines : ['no training runs yet']),
        ].join('\n'),
      };
    }
    case 'stats':
      return stats(deps);
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
