import type { Client } from 'discord.js';
import type { UserNotifier } from '../../core/ports.js';
import { PlatformError } from '../../errors.js';

/** Bot messages never ping anyone. */
const allowedMentions = { parse: [] };

/**
 * Telling a user something on the bot's own initiative: `channel.send` in the channel, or a direct
 * message for a private notice (Discord has ephemeral messages only as answers to an interaction,
 * and a queued retrain outlives the interaction's 15-minute token).
 */
export function discordUserNotifier(client: Client): UserNotifier {
  return {
    platform: 'discord',
    async notify(to, text, visibility) {
      try {
        if (visibility === 'private') {
          await client.users.send(to.userId, { content: text, allowedMentions });
          return;
        }
        const channel = await client.channels.fetch(to.channelId);
        if (!channel?.isSendable()) throw new Error('not a channel the bot can post in');
        await channel.send({ content: text, allowedMentions });
      } catch (err) {
        const where = visibility === 'channel' ? `in Discord channel ${to.channelId}` : `to Discord user ${to.userId}`;
        throw new PlatformError('platform.failed', `Could not post ${where}: ${(err as Error).message}`, { cause: err });
      }
    },
  };
}
