import type { REST } from 'discord.js';
import type { ChatCore } from '../../core/chat/chat-core.js';
import type { Logger } from '../../logger.js';
import type { Admission } from '../shared/admission.js';
import type { MessageOrder } from '../shared/message-order.js';

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
  /** Votes go through the core one at a time per message, in arrival order; edits are coalesced per message. */
  order: MessageOrder;
  /** Bounds the commands working at once (database and encoder); past it users hear "busy". */
  commands: Admission;
  /** Bounds the votes being stored at once (the gateway never redelivers, so a refused vote waits and tries again). */
  votes: Admission;
  /** Least time between two progress edits of `/attribute-admin retrain`. */
  progressIntervalMs: number;
  /** A click or form answered later than this is deferred first (Discord wants an answer within 3 s). */
  interactionDeferMs: number;
}
