/**
 * Reading Slack Web API failures. The client throws `WebAPIPlatformError` (`data.error` holds Slack's
 * code, e.g. `message_not_found`) for `ok: false` answers, and request/HTTP errors for transport
 * failures. Duck-typed so a second copy of `@slack/web-api` in the tree cannot defeat `instanceof`.
 */

/** Slack's error code (`not_in_channel`, `message_not_found`, …) of a platform error, else undefined. */
export function slackErrorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const data = (err as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) return undefined;
  const code = (data as { error?: unknown }).error;
  return typeof code === 'string' ? code : undefined;
}

const GONE = new Set(['message_not_found', 'channel_not_found', 'thread_not_found', 'no_item_specified']);

/** True when the message (or its channel) no longer exists or cannot be seen by the bot. */
export function isMessageGone(err: unknown): boolean {
  const code = slackErrorCode(err);
  return code !== undefined && GONE.has(code);
}

const NOT_POSTABLE = new Set(['not_in_channel', 'channel_not_found', 'is_archived', 'restricted_action']);

/** True when the bot may not post in the channel (not invited, archived, or posting restricted). */
export function isChannelClosedToBot(err: unknown): boolean {
  const code = slackErrorCode(err);
  return code !== undefined && NOT_POSTABLE.has(code);
}
