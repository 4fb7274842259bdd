import { PlatformError } from '../../errors.js';
import type { SlackDeps } from './slack-deps.js';

/** The id of the user's direct-message channel with the bot (`conversations.open`, scope `im:write`). */
export async function directMessageChannel(client: SlackDeps['client'], userId: string): Promise<string> {
  const res = await client.conversations.open({ users: userId });
  const id = res.channel?.id;
  if (id === undefined) throw new PlatformError('platform.failed', 'conversations.open returned no channel');
  return id;
}
