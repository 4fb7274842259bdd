import type { MessageUpdate } from '../../core/chat/chat-core.js';
import { messageKey } from '../shared/message-order.js';
import { applyUpdate } from './apply-update.js';
import type { DiscordDeps } from './discord-deps.js';

/**
 * Runs one Discord vote (a reaction or a click) on a prediction message the way every vote runs:
 * in arrival order per message, with a vote slot taken on arrival and waited for in line (Discord
 * never delivers an event twice, so a vote is never refused), after any post of the channel still
 * being stored (a vote can come before the bot heard back from posting). The footer edit is queued
 * inside the order, so edits follow the votes; `edit` resolves once it was sent.
 */
export async function orderedVote<R extends { kind: string; update?: MessageUpdate }>(
  deps: DiscordDeps,
  channelId: string,
  messageId: string,
  vote: () => Promise<R>,
): Promise<{ result: R; edit: Promise<void> }> {
  let edit: Promise<void> = Promise.resolve();
  const inLine = true;
  const result = await deps.order.admitted(
    messageKey(channelId, messageId),
    deps.votes,
    async () => {
      await deps.order.posted(channelId);
      const r = await vote();
      if (r.kind !== 'ignored' && r.update) edit = applyUpdate(deps, r.update);
      return r;
    },
    inLine,
  );
  return { result, edit };
}
