import type { App } from '@slack/bolt';
import type { ChatCore } from '../../core/chat/chat-core.js';
import type { Logger } from '../../logger.js';
import type { Admission } from '../shared/admission.js';
import type { InFlight } from '../shared/in-flight.js';
import type { MessageOrder } from '../shared/message-order.js';

/** What the Slack listeners share: the core, the Web API client and the adapter's plumbing. */
export interface SlackDeps {
  core: ChatCore;
  client: App['client'];
  logger: Logger;
  /** The bot's own user id (from `auth.test`): its reactions are not votes. */
  botUserId: string;
  /** The bot's user name, for hints such as `/invite @attribot`. */
  botName: string;
  adminUserIds: readonly string[];
  /** Votes one at a time per message, in arrival order; message edits coalesced per message. */
  order: MessageOrder;
  /** Bounds the votes being stored at once; past it the event is answered with an error status (Slack retries). */
  votes: Admission;
  /** Bounds the commands working at once; past it the user hears "busy". */
  commands: Admission;
  inFlight: InFlight;
  /** True once `stop()` began: new votes are refused (Slack redelivers them to the next process). */
  isStopping: () => boolean;
  /** Least time between two progress lines of a long admin command. */
  progressIntervalMs: number;
}
