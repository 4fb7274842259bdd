import type { REST } from 'discord.js';
import type { ChatCore } from '../../core/chat/chat-core.js';
import type { Logger } from '../../logger.js';
import type { KeyedSerial } from './keyed-serial.js';
import type { LatestWins } from './latest-wins.js';

/** What the Discord event handlers share; built once per adapter. */
export interface DiscordDeps {
  core: ChatCore;
  /** discord.js's REST client (rate limits, retries, the configured `DISCORD_API_URL`). */
  rest: REST;
  logger: Logger;
  /** The bot's own user id (undefined before the gateway's READY). */
  botUserId: () => string | undefined;
  /** `DISCORD_ADMIN_ROLE`: a role id or name whose members may use admin commands. */
  adminRole: string | undefined;
  /** Reactions go through the core one at a time per message, in arrival order. */
  reactionOrder: KeyedSerial;
  /** Edits of prediction messages, serialized and coalesced per message. */
  edits: LatestWins;
  /** Least time between two progress edits of `/attribute-admin retrain`. */
  progressIntervalMs: number;
}
