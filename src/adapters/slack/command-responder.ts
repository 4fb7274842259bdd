import type { App, RespondFn } from '@slack/bolt';
import type { Logger } from '../../logger.js';
import { escapeSlackText } from './slack-text.js';

/** How one slash command talks back to the user who ran it. Never throws: failures are logged. */
export interface CommandResponder {
  /** Only the user sees it. */
  ephemeral(text: string): Promise<void>;
  /** Everyone in the channel sees it. */
  inChannel(text: string): Promise<void>;
  /** An interim line (e.g. a training epoch): throttled, and each one replaces the previous. */
  progress(text: string): Promise<void>;
}

export interface CommandResponderOptions {
  client: App['client'];
  /** Bolt's `respond` for the command's `response_url`; absent when Slack sent none. */
  respond: RespondFn | undefined;
  channelId: string;
  userId: string;
  logger: Logger;
  /** Least time between two progress lines; the ones in between are dropped. */
  progressIntervalMs?: number;
}

// Slack accepts 5 posts to a response_url within 30 minutes. Progress may use 3, which leaves room
// for the final answer and an error; past the budget (or once the URL expired) the Web API is used.
const RESPONSE_URL_USES = 5;
const PROGRESS_USES = 3;

/** Builds the {@link CommandResponder} for one command invocation. */
export function createCommandResponder(opts: CommandResponderOptions): CommandResponder {
  const { client, respond, channelId, userId, logger } = opts;
  const interval = opts.progressIntervalMs ?? 5_000;
  let uses = 0;
  let progressUses = 0;
  let lastProgressAt = -Infinity;

  const viaResponseUrl = async (body: Parameters<RespondFn>[0] & object): Promise<boolean> => {
    if (!respond || uses >= RESPONSE_URL_USES) return false;
    uses += 1;
    try {
      await respond(body);
      return true;
    } catch (err) {
      logger.warn({ err, channelId }, 'slack: response_url post failed; falling back to the Web API');
      return false;
    }
  };

  const ephemeral = async (text: string, replace = false): Promise<void> => {
    if (await viaResponseUrl({ response_type: 'ephemeral', replace_original: replace, text: escapeSlackText(text) })) return;
    try {
      await client.chat.postEphemeral({ channel: channelId, user: userId, text: escapeSlackText(text) });
    } catch (err) {
      logger.error({ err, channelId, userId }, 'slack: could not send a private reply');
    }
  };

  return {
    ephemeral: (text) => ephemeral(text),
    async inChannel(text) {
      if (await viaResponseUrl({ response_type: 'in_channel', text: escapeSlackText(text) })) return;
      try {
        await client.chat.postMessage({ channel: channelId, text: escapeSlackText(text) });
      } catch (err) {
        logger.error({ err, channelId }, 'slack: could not post a reply');
      }
    },
    async progress(text) {
      const now = Date.now();
      if (progressUses >= PROGRESS_USES || now - lastProgressAt < interval) {
        logger.debug({ channelId, text }, 'slack: progress line throttled');
        return;
      }
      progressUses += 1;
      lastProgressAt = now;
      await ephemeral(text, progressUses > 1);
    },
  };
}
