import type { VoteChoice } from '../../core/chat/chat-core.js';
import { escapeSlackText } from './slack-text.js';

/** Action ids: `attribot_vote:<choice>` (a vote) and `attribot_word` ("something else…", opens the word form). */
export const VOTE_ACTION = /^attribot_vote:(.+)$/;
export const WORD_ACTION = 'attribot_word';
/** The word form (a modal): its callback id, and the block and action id of its text input. */
export const WORD_VIEW = 'attribot_word';
export const WORD_INPUT = 'word';
/** Slack's limit on a button's text. */
const MAX_BUTTON_TEXT = 75;

const STYLE: Partial<Record<VoteChoice['kind'], 'primary'>> = { confirm: 'primary' };

/**
 * A prediction message as Block Kit: the text (mrkdwn, as Slack escapes it) and one actions block
 * with the vote buttons. `text` goes along as the notification fallback; an edit must send the
 * blocks again, since Slack shows the blocks, not `text`.
 */
export function predictionBlocks(text: string, choices: readonly VoteChoice[]): unknown[] {
  const buttons = choices.map((c) => ({
    type: 'button',
    action_id: c.kind === 'word' ? WORD_ACTION : `attribot_vote:${c.id}`,
    text: { type: 'plain_text', text: c.label.length > MAX_BUTTON_TEXT ? `${c.label.slice(0, MAX_BUTTON_TEXT - 1)}…` : c.label, emoji: true },
    value: c.id,
    ...(STYLE[c.kind] ? { style: STYLE[c.kind] } : {}),
  }));
  return [
    { type: 'section', text: { type: 'mrkdwn', text: escapeSlackText(text) } },
    { type: 'actions', block_id: 'attribot_vote', elements: buttons },
  ];
}

/** The word form "something else…" opens; `private_metadata` keeps the prediction message it is about. */
export function wordView(channel: string, ts: string) {
  return {
    type: 'modal' as const,
    callback_id: WORD_VIEW,
    private_metadata: JSON.stringify({ channel, ts }),
    title: { type: 'plain_text' as const, text: 'Something else' },
    submit: { type: 'plain_text' as const, text: 'Teach me' },
    close: { type: 'plain_text' as const, text: 'Cancel' },
    blocks: [
      {
        type: 'input' as const,
        block_id: WORD_INPUT,
        label: { type: 'plain_text' as const, text: 'What is the right attribute?' },
        element: { type: 'plain_text_input' as const, action_id: WORD_INPUT, placeholder: { type: 'plain_text' as const, text: 'e.g. size' } },
      },
    ],
  };
}

/** The prediction message a submitted word form is about, or null when its metadata is not ours. */
export function wordViewTarget(privateMetadata: string): { channel: string; ts: string } | null {
  try {
    const m = JSON.parse(privateMetadata) as { channel?: unknown; ts?: unknown };
    return typeof m.channel === 'string' && typeof m.ts === 'string' ? { channel: m.channel, ts: m.ts } : null;
  } catch {
    return null;
  }
}
