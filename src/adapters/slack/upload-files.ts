import type { ChatFile } from '../../core/chat/chat-core.js';
import { directMessageChannel } from './direct-message.js';
import { slackErrorCode } from './slack-api-error.js';
import type { SlackDeps } from './slack-deps.js';

/**
 * Uploads a reply's files with `files.uploadV2` (the Web API client asks `files.getUploadURLExternal`
 * for an upload URL per file, POSTs the bytes there, then shares them with
 * `files.completeUploadExternal`).
 *
 * A public reply's files are shared in its channel. Slack has no files that only one member of a
 * channel can see, so a private reply's files go to the user's direct messages with the bot
 * (`conversations.open`). Never throws: returns a line for the reply's text that says where the
 * files went, or that they could not be uploaded (the cause is logged). Scopes: `files:write`, and
 * `im:write` for private replies.
 */
export async function uploadFiles(
  deps: SlackDeps,
  where: { channelId: string; userId: string },
  files: readonly ChatFile[],
  ephemeral: boolean,
): Promise<string | null> {
  const names = files.map((f) => f.name).join(', ');
  try {
    const channelId = ephemeral ? await directMessageChannel(deps.client, where.userId) : where.channelId;
    await deps.client.filesUploadV2({
      channel_id: channelId,
      file_uploads: files.map((f) => ({
        file: Buffer.from(f.data.buffer, f.data.byteOffset, f.data.byteLength),
        filename: f.name,
        title: f.name,
        ...(f.alt === undefined ? {} : { alt_text: f.alt }),
      })),
    });
    return ephemeral ? `(${names}: sent to your direct messages with @${deps.botName})` : null;
  } catch (err) {
    deps.logger.warn({ err, code: slackErrorCode(err), ...where, files: names }, 'slack: could not upload files');
    return `(${names} could not be uploaded to Slack.)`;
  }
}
