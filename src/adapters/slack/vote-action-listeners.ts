import type { App, BlockButtonAction, RespondFn } from '@slack/bolt';
import type { ChoiceEvent, ChoiceResult } from '../../core/chat/chat-core.js';
import { AppError } from '../../errors.js';
import { messageKey } from '../shared/message-order.js';
import { createCommandResponder } from './command-responder.js';
import { editPredictionMessage } from './edit-message.js';
import { VOTE_ACTION, WORD_ACTION, wordView } from './prediction-blocks.js';
import type { SlackDeps } from './slack-deps.js';

/**
 * Registers the vote buttons under prediction messages (Block Kit `block_actions`). A click is a
 * vote exactly like its reaction: in order per message, within the vote bounds, and acknowledged
 * only once stored; the core toggles (clicking again takes the vote back). The clicker's private
 * confirmation and the footer edit follow the acknowledgement. "Something else…" opens the word
 * form (`views.open`, within the 3 s the trigger id is valid).
 */
export function registerVoteActionListeners(app: App, deps: SlackDeps): void {
  app.action<BlockButtonAction>({ action_id: VOTE_ACTION }, async ({ action, body, ack, respond }) => {
    const where = clickedMessage(body);
    const choice = VOTE_ACTION.exec(action.action_id)?.[1];
    if (where === null || choice === undefined) {
      await ack();
      return;
    }
    const ev: ChoiceEvent = { platform: 'slack', ...where, userId: body.user.id, choice, isAdmin: deps.adminUserIds.includes(body.user.id) };
    let result: ChoiceResult;
    try {
      // Interactive payloads are never delivered again: a refused (busy) or failed vote is told to
      // the clicker instead of answered with an error status.
      result = await deps.inFlight.track(deps.order.admitted(messageKey(where.channelId, where.messageId), deps.votes, async () => {
        await deps.order.posted(where.channelId);
        return deps.core.vote(ev);
      }));
    } catch (err) {
      deps.logger.error({ err, ...where, userId: ev.userId }, 'slack: could not store a button vote');
      result = { kind: 'ignored', text: err instanceof AppError ? err.message : 'Sorry — I could not record that vote. Please click again in a moment.' };
    }
    await ack();
    const done = result;
    void deps.inFlight.run('vote follow-up', () => followUp(deps, done, ev, respond), { ...where });
  });

  app.action<BlockButtonAction>(WORD_ACTION, async ({ body, ack }) => {
    await ack();
    const where = clickedMessage(body);
    if (where === null) return;
    try {
      await deps.client.views.open({ trigger_id: body.trigger_id, view: wordView(where.channelId, where.messageId) });
    } catch (err) {
      deps.logger.error({ err, ...where }, 'slack: could not open the word form');
    }
  });
}

/** The prediction message a button is on. */
function clickedMessage(body: BlockButtonAction): { channelId: string; messageId: string } | null {
  const container = body.container as { channel_id?: unknown; message_ts?: unknown };
  const channelId = body.channel?.id ?? (typeof container.channel_id === 'string' ? container.channel_id : undefined);
  const messageId = body.message?.ts ?? (typeof container.message_ts === 'string' ? container.message_ts : undefined);
  return channelId === undefined || messageId === undefined ? null : { channelId, messageId };
}

async function followUp(deps: SlackDeps, result: ChoiceResult, ev: ChoiceEvent, respond: RespondFn | undefined): Promise<void> {
  const edit = result.kind === 'ignored' ? Promise.resolve() : editPredictionMessage(deps, result.update.channelId, result.update.messageId, result.update.text, result.update.choices);
  const responder = createCommandResponder({ client: deps.client, respond, channelId: ev.channelId, userId: ev.userId, logger: deps.logger });
  await responder.ephemeral(result.text);
  await edit;
}
