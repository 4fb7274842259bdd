import type { UserNotifier } from '../../core/ports.js';
import { PlatformError } from '../../errors.js';
import { directMessageChannel } from './direct-message.js';
import { isChannelClosedToBot, slackErrorCode } from './slack-api-error.js';
import type { SlackDeps } from './slack-deps.js';
import { escapeSlackText } from './slack-text.js';

/**
 * Telling a user something on the bot's own initiative: `chat.postMessage` in the channel, or in
 * the user's direct messages with the bot for a private notice (an ephemeral message would be gone
 * by the time a queued retrain finishes, if the admin reloaded Slack meanwhile). Scopes:
 * `chat:write`, and `im:write` for private notices.
 */
export function slackUserNotifier(deps: Pick<SlackDeps, 'client' | 'botName'>): UserNotifier {
  return {
    platform: 'slack',
    async notify(to, text, visibility) {
      try {
        const channel = visibility === 'channel' ? to.channelId : await directMessageChannel(deps.client, to.userId);
        await deps.client.chat.postMessage({ channel, text: escapeSlackText(text), unfurl_links: false, unfurl_media: false });
      } catch (err) {
        const hint = visibility === 'channel' && isChannelClosedToBot(err) ? ` (invite @${deps.botName} to it)` : '';
        const where = visibility === 'channel' ? `in Slack channel ${to.channelId}` : `to Slack user ${to.userId}`;
        throw new PlatformError('platform.failed', `Could not post ${where}: ${slackErrorCode(err) ?? (err as Error).message}${hint}`, { cause: err });
      }
    },
  };
}
