import type { App, ViewSubmitAction } from '@slack/bolt';
import type { ChatContext, ChatReply } from '../../core/chat/chat-core.js';
import { AppError } from '../../errors.js';
import { messageKey } from '../shared/message-order.js';
import { editPredictionMessage } from './edit-message.js';
import { WORD_INPUT, WORD_VIEW, wordViewTarget } from './prediction-blocks.js';
import type { SlackDeps } from './slack-deps.js';
import { escapeSlackText } from './slack-text.js';

/**
 * The submitted word form ("something else…"): the same correction as `/attribute-correct`, for the
 * prediction the form was opened from. A refused word stays in the form with the core's reason
 * (`response_action: errors`); a stored one closes it, then the user gets the private thanks and
 * the prediction message its new tally.
 */
export function registerWordViewListener(app: App, deps: SlackDeps): void {
  app.view<ViewSubmitAction>(WORD_VIEW, async ({ view, body, ack }) => {
    const target = wordViewTarget(view.private_metadata);
    if (target === null) {
      await ack();
      return;
    }
    const word = view.state.values[WORD_INPUT]?.[WORD_INPUT]?.value ?? '';
    const userId = body.user.id;
    const ctx: ChatContext = { platform: 'slack', workspaceId: body.team?.id ?? '', channelId: target.channel, userId, isAdmin: deps.adminUserIds.includes(userId) };
    let reply: ChatReply;
    try {
      // In order with the clicks on the same message, within the command bounds (as the slash command).
      reply = await deps.inFlight.track(deps.order.vote(messageKey(target.channel, target.ts), () => deps.commands.run(() => deps.core.correct(ctx, word, { messageId: target.ts }))));
    } catch (err) {
      deps.logger.error({ err, ...target, userId }, 'slack: could not store the word from the form');
      reply = { kind: 'error', ephemeral: true, text: err instanceof AppError ? err.message : 'Sorry — I could not record that. Please try again in a moment.' };
    }
    if (reply.kind === 'error') {
      await ack({ response_action: 'errors', errors: { [WORD_INPUT]: reply.text } });
      return;
    }
    await ack();
    const done = reply;
    void deps.inFlight.run('word follow-up', async () => {
      const edit = done.kind === 'text' && done.update ? editPredictionMessage(deps, done.update.channelId, done.update.messageId, done.update.text, done.update.choices) : Promise.resolve();
      try {
        await deps.client.chat.postEphemeral({ channel: target.channel, user: userId, text: escapeSlackText(done.text) });
      } catch (err) {
        deps.logger.warn({ err, ...target, userId }, 'slack: could not thank for the word');
      }
      await edit;
    }, { ...target });
  });
}
