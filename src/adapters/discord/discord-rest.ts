import { DiscordAPIError, Routes, type APIMessage, type APIUser, type REST } from 'discord.js';

/**
 * The few REST calls the adapter makes by id. Going through `client.rest` by id (rather than cached
 * `Message` objects) keeps them working for messages and channels discord.js has not cached, e.g.
 * reactions on prediction messages from before a restart.
 */

/** No pings from bot messages: a phrase like "@everyone" is echoed, never a mention. */
const noMentions = { parse: [] as never[] };

/** Replaces a message's text (the bot's own message). */
export async function editMessageText(rest: REST, channelId: string, messageId: string, content: string): Promise<void> {
  await rest.patch(Routes.channelMessage(channelId, messageId), { body: { content, allowed_mentions: noMentions } });
}

/** Adds the bot's own reaction (unicode emoji). */
export async function addOwnReaction(rest: REST, channelId: string, messageId: string, emoji: string): Promise<void> {
  await rest.put(Routes.channelMessageOwnReaction(channelId, messageId, encodeURIComponent(emoji)));
}

/** Replies to a message, pinging only `mentionUserId`. */
export async function replyInChannel(rest: REST, channelId: string, replyTo: string, content: string, mentionUserId: string): Promise<void> {
  await rest.post(Routes.channelMessages(channelId), {
    body: {
      content,
      message_reference: { message_id: replyTo, fail_if_not_exists: false },
      allowed_mentions: { parse: [], users: [mentionUserId] },
    },
  });
}

/** The message, or null when it is gone (deleted, or its channel is). */
export async function fetchMessage(rest: REST, channelId: string, messageId: string): Promise<APIMessage | null> {
  try {
    return (await rest.get(Routes.channelMessage(channelId, messageId))) as APIMessage;
  } catch (err) {
    if (err instanceof DiscordAPIError && err.status === 404) return null;
    throw err;
  }
}

/** Every user who reacted with `emoji`, following Discord's pages of 100. */
export async function fetchReactionUsers(rest: REST, channelId: string, messageId: string, emoji: string): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  for (;;) {
    const query = new URLSearchParams({ limit: '100', ...(after === undefined ? {} : { after }) });
    const page = (await rest.get(Routes.channelMessageReaction(channelId, messageId, encodeURIComponent(emoji)), { query })) as APIUser[];
    ids.push(...page.map((u) => u.id));
    const last = page.at(-1);
    if (page.length < 100 || last === undefined) return ids;
    after = last.id;
  }
}

/** Discord's code and status for the log (`err` keeps the full cause). */
export function describeRestError(err: unknown): { status?: number; code?: number | string } {
  return err instanceof DiscordAPIError ? { status: err.status, code: err.code } : {};
}
