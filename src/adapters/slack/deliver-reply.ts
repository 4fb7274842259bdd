import type { ChatReply } from '../../core/chat/chat-core.js';
import type { CommandResponder } from './command-responder.js';
import { postPrediction } from './post-prediction.js';
import type { SlackDeps } from './slack-deps.js';

/** Shows a core reply in Slack: errors privately, text as asked, predictions as a voting message. */
export async function deliverReply(
  deps: SlackDeps,
  responder: CommandResponder,
  channelId: string,
  reply: ChatReply,
): Promise<void> {
  switch (reply.kind) {
    case 'error':
      await responder.ephemeral(reply.text);
      return;
    case 'text':
      if (reply.ephemeral) await responder.ephemeral(reply.text);
      else await responder.inChannel(reply.text);
      if (reply.update) await deps.updater.update(reply.update.channelId, reply.update.messageId, reply.update.text);
      return;
    case 'prediction':
      await postPrediction(deps, responder, channelId, reply);
      return;
  }
}
