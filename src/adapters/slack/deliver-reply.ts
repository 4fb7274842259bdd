import type { ChatReply } from '../../core/chat/chat-core.js';
import type { CommandResponder } from './command-responder.js';
import { editPredictionMessage } from './edit-message.js';
import { postPrediction } from './post-prediction.js';
import type { SlackDeps } from './slack-deps.js';
import { uploadFiles } from './upload-files.js';

/**
 * Shows a core reply in Slack: errors privately, text as asked (its files uploaded first, see
 * {@link uploadFiles}), predictions as a voting message.
 */
export async function deliverReply(
  deps: SlackDeps,
  responder: CommandResponder,
  where: { channelId: string; userId: string },
  reply: ChatReply,
): Promise<void> {
  const { channelId } = where;
  switch (reply.kind) {
    case 'error':
      await responder.ephemeral(reply.text);
      return;
    case 'text': {
      const note = reply.files?.length ? await uploadFiles(deps, where, reply.files, reply.ephemeral) : null;
      const text = note === null ? reply.text : `${reply.text}\n${note}`;
      if (reply.ephemeral) await responder.ephemeral(text);
      else await responder.inChannel(text);
      if (reply.update) await editPredictionMessage(deps, reply.update.channelId, reply.update.messageId, reply.update.text, reply.update.choices);
      return;
    }
    case 'prediction':
      await postPrediction(deps, responder, channelId, reply);
      return;
  }
}
