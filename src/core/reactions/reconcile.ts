import type { ChatCore } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import type { Platform, Vote } from '../types.js';
import { voteFromEmoji } from './vote-from-emoji.js';

/**
 * Start-up reconciliation: compares the reactions on recent prediction messages with the stored
 * votes; records the ones cast while the bot was down and retracts reaction votes that vanished.
 * Only a vote stored as cast by a reaction is retracted for its missing reaction, never a click;
 * one whose way is not known (stored before that was recorded) only where no buttons are shown
 * (`VOTE_CONTROLS=reactions`), since with buttons a vote without a reaction may be a click.
 */
export async function reconcile(deps: ChatDeps, platform: Platform, read: Parameters<ChatCore['reconcile']>[1]): Promise<number> {
  const now = deps.now?.() ?? new Date();
  const since = new Date(now.getTime() - deps.reconcileDays * 86_400_000);
  const unknownMayBeClick = (deps.voteControls ?? 'reactions') !== 'reactions';
  let changed = 0;
  for (const p of await deps.storage.predictions.listSince(platform, since)) {
    if (!p.messageId) continue;
    // A vote stored after this moment may be one the read below could not see yet (cast live
    // while reading): only older votes can be retracted for missing from the platform.
    const readAt = deps.now?.() ?? new Date();
    const observed = await read({ ...p, messageId: p.messageId });
    if (!observed) continue;
    const seen: Vote[] = [];
    for (const r of observed) {
      for (const userId of r.userIds) {
        const v = voteFromEmoji(r.emoji, p.id, userId, p.candidates);
        if (v) seen.push(v);
      }
    }
    // Reaction lists name users only, not their roles: votes found here count as non-admin ones.
    for (const v of seen) if ((await deps.storage.feedback.record({ ...v, via: 'reaction' })).created) changed++;
    const key = (v: Vote) => `${v.userId}\t${v.kind}\t${v.label}`;
    const seenKeys = new Set(seen.map(key));
    for (const v of await deps.storage.feedback.listForPrediction(p.id)) {
      const byReaction = v.via === 'reaction' || (v.via === undefined && !unknownMayBeClick);
      if (v.kind === 'new_label' || !byReaction || seenKeys.has(key(v)) || v.createdAt >= readAt) continue;
      if (await deps.storage.feedback.retract(v, { createdBefore: readAt })) changed++;
    }
  }
  return changed;
}
