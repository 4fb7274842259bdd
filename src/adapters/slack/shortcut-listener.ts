import type { App, MessageShortcut } from '@slack/bolt';
import type { ChatContext } from '../../core/chat/chat-core.js';
import { answerCommand } from './command-listeners.js';
import type { SlackDeps } from './slack-deps.js';
import { unescapeSlackText } from './slack-text.js';

/** The message shortcut's callback id (slack/manifest*.yaml declares it). */
export const NAME_ATTRIBUTE_SHORTCUT = 'attribot_name_attribute';

/**
 * The message shortcut "Name the attribute" (a message's ⋯ menu): the same answer as `/attribute`
 * for the message's text, posted in its channel; a message that cannot be a phrase (e.g. over the
 * phrase limit) gets the core's private hint. Acknowledged at once, answered in the background.
 */
export function registerShortcutListener(app: App, deps: SlackDeps): void {
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: NAME_ATTRIBUTE_SHORTCUT }, async ({ shortcut, ack, respond }) => {
    await ack();
    const userId = shortcut.user.id;
    const ctx: ChatContext = {
      platform: 'slack',
      workspaceId: shortcut.team?.id ?? shortcut.user.team_id ?? '',
      channelId: shortcut.channel.id,
      userId,
      isAdmin: deps.adminUserIds.includes(userId),
    };
    const text = unescapeSlackText(shortcut.message.text ?? '');
    void answerCommand(deps, 'message shortcut', ctx, respond, (c) => deps.core.attribute(c, text, 'message'));
  });
}
