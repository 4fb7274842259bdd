import type { App } from '@slack/bolt';
import type { ReactionEvent, ReactionResult } from '../../core/chat/chat-core.js';
import { BusyError } from '../shared/admission.js';
import { messageKey } from '../shared/message-order.js';
import { editPredictionMessage } from './edit-message.js';
import type { SlackDeps } from './slack-deps.js';
import { slackNameToEmoji } from './slack-emoji.js';
import { escapeSlackText } from './slack-text.js';

/** The fields of a `reaction_added`/`reaction_removed` event the adapter reads. */
interface SlackReaction {
  user: string;
  reaction: string;
  // Typed as a message by @slack/types, but Slack also sends file and file_comment items.
  item: { type?: string; channel?: string; ts?: string };
}

/**
 * Registers `reaction_added` / `reaction_removed`: votes and their retraction. The app answers
 * Slack only after the listener returned (`processBeforeResponse`): a 200 means the vote is
 * committed; a vote that could not be stored (busy, or the database failing past its retries)
 * throws, Slack gets an error status and delivers the event again.
 */
export function registerReactionListeners(app: App, deps: SlackDeps): void {
  app.event('reaction_added', async ({ event }) => handleReaction(deps, event, true));
  app.event('reaction_removed', async ({ event }) => handleReaction(deps, event, false));
}

async function handleReaction(deps: SlackDeps, event: SlackReaction, added: boolean): Promise<void> {
  const { item } = event;
  if (item.type !== 'message' || item.channel === undefined || item.ts === undefined) return;
  // Bolt's ignoreSelf filters these too; checked again so the bot's own buttons are never votes.
  if (event.user === deps.botUserId) return;
  const emoji = slackNameToEmoji(event.reaction);
  if (emoji === undefined) return;

  const ev: ReactionEvent = {
    platform: 'slack',
    channelId: item.channel,
    messageId: item.ts,
    userId: event.user,
    emoji,
    added,
    isAdmin: deps.adminUserIds.includes(event.user),
  };
  const channel = item.channel;
  const ts = item.ts;
  // Shutting down: an error status, so Slack delivers the vote again (to the restarted bot).
  if (deps.isStopping()) throw new BusyError('shutting down');
  // In arrival order per message; each vote waits for a slot, or is refused before anything ran.
  // Tracked, so stopping waits for votes being stored.
  const result = await deps.inFlight.track(deps.order.admitted(messageKey(channel, ts), deps.votes, async () => {
    await deps.order.posted(channel);
    return deps.core.reaction(ev);
  }));
  // Stored: what follows (the tally edit, the thread question) happens after Slack's 200.
  if (result.kind !== 'ignored') void deps.inFlight.run('vote follow-up', () => followUp(deps, result, channel, ts), { channelId: channel, ts });
}

async function followUp(deps: SlackDeps, result: Exclude<ReactionResult, { kind: 'ignored' }>, channel: string, ts: string): Promise<void> {
  const edit = editPredictionMessage(deps, result.update.channelId, result.update.messageId, result.update.text, result.update.choices);
  if (result.kind === 'ask-word') {
    try {
      await deps.client.chat.postMessage({ channel, thread_ts: ts, text: escapeSlackText(result.prompt) });
    } catch (err) {
      deps.logger.error({ err, channel, ts }, 'slack: could not ask for the right word in the thread');
    }
  }
  await edit;
}
