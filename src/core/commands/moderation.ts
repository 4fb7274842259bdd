import type { ChatContext, ChatReply } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';

/** `<@U123>`, `<@U123|name>`, `<@!123>` or a bare id → the id. */
export function parseUserRef(text: string | undefined): string | null {
  if (!text) return null;
  const m = /^<@!?([A-Za-z0-9]+)(?:\|[^>]*)?>$/.exec(text) ?? /^([A-Za-z0-9]+)$/.exec(text);
  return m?.[1] ?? null;
}

const reply = (text: string, ephemeral = true): ChatReply => ({ kind: 'text', ephemeral, text });
const refuse = (text: string): ChatReply => ({ kind: 'error', ephemeral: true, text });

/** The user's weight in training, first in their `corrections` listing. */
async function standingLine(deps: ChatDeps, ctx: ChatContext, user: string): Promise<string[]> {
  const s = await deps.voterTrust?.standing(ctx.platform, user);
  if (!s) return [];
  if (s.quarantined) return [`${user}'s weight in training: none (quarantined).`];
  const basis = s.overlapping === 0 ? 'no phrase shared with other voters yet: the starting weight' : `agreement with other voters on ${s.overlapping} shared phrase${s.overlapping === 1 ? '' : 's'}`;
  return [`${user}'s weight in training: ${s.reliability.toFixed(2)} (${basis}).`];
}

/**
 * Moderation for admins: `corrections [user]` lists recent votes, `quarantine <user> [reason]`
 * excludes a user's votes from training (kept for the audit), `unquarantine <user>`,
 * `delete-vote <id>`. Every action is audited with before → after.
 */
export async function moderate(deps: ChatDeps, ctx: ChatContext, action: string, args: string[]): Promise<ChatReply | null> {
  const actor = `${ctx.platform}:${ctx.userId}`;
  switch (action) {
    case 'corrections': {
      const user = args[0] === undefined ? undefined : parseUserRef(args[0]);
      if (args[0] !== undefined && !user) return refuse(`“${args[0]}” is not a user id or mention.`);
      const votes = await deps.storage.feedback.listRecent(20, user ?? undefined);
      if (votes.length === 0) return reply('No votes yet.');
      const standing = user ? await standingLine(deps, ctx, user) : [];
      return reply(
        [
          ...standing,
          ...votes.map(
            (v) =>
              `#${v.id} ${v.createdAt.toISOString().slice(0, 16)} ${v.platform}:${v.userId} “${v.phrase}” → ${v.kind === 'reject' ? '(none)' : v.label}${v.voterIsAdmin ? ' (as admin)' : ''}${v.retractedAt ? ' (retracted)' : ''}`,
          ),
        ].join('\n'),
      );
    }
    case 'quarantine':
    case 'unquarantine': {
      const user = parseUserRef(args[0]);
      if (!user) return refuse(`Usage: /attribute-admin ${action} <user>`);
      const changed =
        action === 'quarantine'
          ? await deps.storage.quarantine.add(ctx.platform, user, actor, args.slice(1).join(' ') || undefined)
          : await deps.storage.quarantine.remove(ctx.platform, user);
      await deps.storage.audit.append({ actor, action: `admin.${action}`, subject: `user:${ctx.platform}:${user}`, before: { quarantined: action === 'quarantine' ? !changed : changed }, after: { quarantined: action === 'quarantine' } });
      return reply(
        action === 'quarantine'
          ? `${user}'s votes are excluded from training from the next retrain on (they stay in the audit log).`
          : `${user}'s votes count again from the next retrain on.`,
      );
    }
    case 'delete-vote': {
      const id = Number(args[0]);
      if (!Number.isInteger(id) || id <= 0) return refuse('Usage: /attribute-admin delete-vote <vote id> (see /attribute-admin corrections)');
      const vote = await deps.storage.feedback.retractById(id);
      if (!vote) return refuse(`There is no live vote #${id}.`);
      await deps.storage.audit.append({ actor, action: 'admin.delete-vote', subject: `vote:${id}`, before: { kind: vote.kind, label: vote.label, userId: vote.userId }, after: null });
      return reply(`Vote #${id} (${vote.label} by ${vote.userId}) is deleted; the audit log keeps it.`);
    }
    default:
      return null;
  }
}
