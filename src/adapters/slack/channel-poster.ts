import type { ChannelPoster } from '../../core/ports.js';
import { PlatformError } from '../../errors.js';
import { postPredictionMessage } from './post-prediction.js';
import { isChannelClosedToBot, slackErrorCode } from './slack-api-error.js';
import type { SlackDeps } from './slack-deps.js';

/**
 * Posting on the bot's own initiative (learning prompts): `chat.postMessage` in a channel, then the
 * message ts to the core, then the vote reactions, as for an answer to `/attribute`. Every channel
 * of this bot's workspace belongs to `teamId` (from `auth.test`).
 */
export function slackChannelPoster(deps: SlackDeps, teamId: string): ChannelPoster {
  return {
    platform: 'slack',
    workspaceOf: () => Promise.resolve(teamId),
    async postPrediction(channelId, reply) {
      try {
        await postPredictionMessage(deps, channelId, reply);
      } catch (err) {
        const hint = isChannelClosedToBot(err) ? ` (invite @${deps.botName} to it)` : '';
        throw new PlatformError('platform.failed', `Could not post in Slack channel ${channelId}: ${slackErrorCode(err) ?? (err as Error).message}${hint}`, { cause: err });
      }
    },
  };
}
