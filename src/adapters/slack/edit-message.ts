import type { VoteChoice } from '../../core/chat/chat-core.js';
import { messageKey } from '../shared/message-order.js';
import { predictionBlocks } from './prediction-blocks.js';
import type { SlackDeps } from './slack-deps.js';
import { escapeSlackText } from './slack-text.js';

/**
 * Sets a prediction message's text (`chat.update`) through the per-message order: edits of one
 * message never race and a burst collapses into the newest text, inside Slack's `chat.update` rate
 * limit. Resolves once that text (or a newer one) was sent; never rejects (failures are logged).
 * A message with vote buttons gets its blocks again: Slack shows those, not `text`.
 */
export function editPredictionMessage(deps: SlackDeps, channel: string, ts: string, text: string, choices: readonly VoteChoice[] = []): Promise<void> {
  return deps.order.edit(messageKey(channel, ts), async () => {
    await deps.client.chat.update({ channel, ts, text: escapeSlackText(text), ...(choices.length > 0 ? { blocks: predictionBlocks(text, choices) } : {}) });
  });
}
