import type { Client } from 'discord.js';
import type { ChannelPoster } from '../../core/ports.js';
import { PlatformError } from '../../errors.js';
import type { DiscordDeps } from './discord-deps.js';
import { voteButtonRows } from './vote-buttons.js';
import { addVoteReactions } from './vote-reactions.js';

/** Bot messages never ping anyone: phrases are user text ("@everyone" stays text). */
const allowedMentions = { parse: [] };

/**
 * Posting on the bot's own initiative (learning prompts): `channel.send` in a channel the bot can
 * see (guild channels are cached from the gateway) with its vote buttons, then the message id to
 * the core, then the vote reactions, as for an answer to `/attribute`.
 */
export function discordChannelPoster(client: Client, deps: DiscordDeps): ChannelPoster {
  const sendable = async (channelId: string) => {
    let channel;
    try {
      channel = await client.channels.fetch(channelId);
    } catch (err) {
      throw new PlatformError('platform.failed', `Discord channel ${channelId} is not visible to the bot`, { cause: err });
    }
    if (!channel?.isSendable()) throw new PlatformError('platform.failed', `Discord channel ${channelId} is not a channel the bot can post in`);
    return channel;
  };
  return {
    platform: 'discord',
    async workspaceOf(channelId) {
      const channel = await sendable(channelId);
      // As for commands: a guild's id, or the DM channel's own.
      return 'guildId' in channel && channel.guildId ? channel.guildId : `dm:${channelId}`;
    },
    async postPrediction(channelId, reply) {
      const channel = await sendable(channelId);
      // Votes in this channel wait for the post (shown, its id stored): see MessageOrder.post.
      const messageId = await deps.order.post(
        channelId,
        (async () => {
          let id: string;
          try {
            const buttons = voteButtonRows(reply.choices);
            id = (await channel.send({ content: reply.text, allowedMentions, ...(buttons.length > 0 ? { components: buttons } : {}) })).id;
          } catch (err) {
            throw new PlatformError('platform.failed', `Could not post in Discord channel ${channelId}: ${(err as Error).message}`, { cause: err });
          }
          await deps.core.attachMessage(reply.predictionId, id);
          return id;
        })(),
      );
      await addVoteReactions(deps, channelId, messageId, reply.reactions, reply.predictionId);
    },
  };
}
