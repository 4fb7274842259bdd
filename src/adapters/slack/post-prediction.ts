import type { ChatReply } from '../../core/chat/chat-core.js';
import type { CommandResponder } from './command-responder.js';
import { predictionBlocks } from './prediction-blocks.js';
import { isChannelClosedToBot, slackErrorCode } from './slack-api-error.js';
import type { SlackDeps } from './slack-deps.js';
import { emojiToSlackName } from './slack-emoji.js';
import { escapeSlackText } from './slack-text.js';

type Prediction = Extract<ChatReply, { kind: 'prediction' }>;

/**
 * A command's prediction answer: {@link postPredictionMessage}, and when Slack refuses the post the
 * user is told privately why (e.g. the bot was not invited to the channel).
 */
export async function postPrediction(
  deps: SlackDeps,
  responder: CommandResponder,
  channelId: string,
  reply: Prediction,
): Promise<void> {
  try {
    await postPredictionMessage(deps, channelId, reply);
  } catch (err) {
    deps.logger.error({ err, channelId, predictionId: reply.predictionId }, 'slack: could not post the prediction');
    await responder.ephemeral(
      isChannelClosedToBot(err)
        ? `I can't post in this channel. Invite me (\`/invite @${deps.botName}\`) and try again.`
        : slackErrorCode(err) === undefined
          ? "I'm busy right now and could not record my answer; please try again in a moment."
          : 'Slack did not accept my answer. Please try again in a moment.',
    );
  }
}

/**
 * Posts a prediction publicly (with its vote buttons, if any), records its message id, then adds
 * the vote reactions (if any). The id is stored BEFORE the reactions appear: a user who clicks one
 * at once must find the message mapped (a vote that comes sooner waits for it: `MessageOrder.post`).
 * When the id cannot be stored (after the storage's retries), the message is deleted again: never
 * a posted prediction whose votes would be silently ignored. Failed reactions are logged.
 *
 * @throws the Web API error when `chat.postMessage` fails, or the storage error (message deleted).
 */
export async function postPredictionMessage(deps: SlackDeps, channelId: string, reply: Prediction): Promise<void> {
  const { client, logger } = deps;
  // Votes in this channel wait until the message is posted and its id stored (MessageOrder.post).
  const ts = await deps.order.post(channelId, postAndAttach(deps, channelId, reply));
  if (ts === undefined) return;

  // One at a time, in order: Slack shows reactions in the order they were added.
  for (const emoji of reply.reactions) {
    const name = emojiToSlackName(emoji);
    if (name === undefined) {
      logger.warn({ emoji }, 'slack: no Slack name for a vote emoji; not added');
      continue;
    }
    try {
      await client.reactions.add({ channel: channelId, timestamp: ts, name });
    } catch (err) {
      if (slackErrorCode(err) === 'already_reacted') continue;
      logger.warn({ err, channelId, ts, name }, 'slack: could not add a vote reaction');
    }
  }
}

/** Posts the message and stores its id; undefined when Slack returned no ts (logged). */
async function postAndAttach(deps: SlackDeps, channelId: string, reply: Prediction): Promise<string | undefined> {
  const { client, core, logger } = deps;
  const blocks = reply.choices.length > 0 ? { blocks: predictionBlocks(reply.text, reply.choices) } : {};
  const res = await client.chat.postMessage({ channel: channelId, text: escapeSlackText(reply.text), unfurl_links: false, unfurl_media: false, ...blocks });
  const ts = res.ts;
  if (ts === undefined) {
    logger.error({ channelId, predictionId: reply.predictionId }, 'slack: chat.postMessage returned no ts');
    return undefined;
  }
  try {
    await core.attachMessage(reply.predictionId, ts);
  } catch (err) {
    // Without the mapping no vote could be matched to this message: take it back.
    logger.error({ err, predictionId: reply.predictionId, ts }, 'slack: could not store the prediction message id; deleting the message');
    await client.chat.delete({ channel: channelId, ts }).catch((e: unknown) => logger.error({ err: e, ts }, 'slack: could not delete an unrecorded prediction'));
    throw err;
  }
  return ts;
}
