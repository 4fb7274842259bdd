import type { App } from '@slack/bolt';
import type { ChatCore } from '../../core/chat/chat-core.js';
import type { Logger } from '../../logger.js';
import type { InFlight } from '../shared/in-flight.js';
import type { MessageUpdater } from './message-updater.js';

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
  updater: MessageUpdater;
  inFlight: InFlight;
  /** Least time between two progress lines of a long admin command. */
  progressIntervalMs: number;
}
