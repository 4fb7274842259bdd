import { ActionRowBuilder, ButtonBuilder, ButtonStyle, LabelBuilder, ModalBuilder, TextInputBuilder, TextInputStyle } from 'discord.js';
import type { VoteChoice } from '../../core/chat/chat-core.js';

/** Custom ids: `attribot:vote:<choice>` (a vote), `attribot:word` ("something else…"), `attribot:word:<message id>` (its form). */
const VOTE_PREFIX = 'attribot:vote:';
const WORD_BUTTON = 'attribot:word';
const WORD_MODAL_PREFIX = 'attribot:word:';
/** The form's text field. */
export const WORD_FIELD = 'word';
/** Discord's limits: 5 buttons per row, 80 characters per button label. */
const PER_ROW = 5;
const MAX_LABEL = 80;

const STYLE: Record<VoteChoice['kind'], ButtonStyle> = { choose: ButtonStyle.Secondary, confirm: ButtonStyle.Success, word: ButtonStyle.Primary };

/** The core's vote buttons as message components: rows of at most 5, in order. */
export function voteButtonRows(choices: readonly VoteChoice[]): ActionRowBuilder<ButtonBuilder>[] {
  const rows: ActionRowBuilder<ButtonBuilder>[] = [];
  choices.forEach((c, i) => {
    if (i % PER_ROW === 0) rows.push(new ActionRowBuilder<ButtonBuilder>());
    const label = c.label.length > MAX_LABEL ? `${c.label.slice(0, MAX_LABEL - 1)}…` : c.label;
    const button = new ButtonBuilder().setCustomId(c.kind === 'word' ? WORD_BUTTON : `${VOTE_PREFIX}${c.id}`).setLabel(label).setStyle(STYLE[c.kind]);
    rows.at(-1)?.addComponents(button);
  });
  return rows;
}

/** What a clicked button of the bot's means: a vote (the core's choice id), the word form, or not ours. */
export function parseButton(customId: string): { kind: 'vote'; choice: string } | { kind: 'word' } | null {
  if (customId === WORD_BUTTON) return { kind: 'word' };
  return customId.startsWith(VOTE_PREFIX) ? { kind: 'vote', choice: customId.slice(VOTE_PREFIX.length) } : null;
}

/** The form "something else…" opens for the prediction message `messageId` (kept in its custom id). */
export function wordModal(messageId: string): ModalBuilder {
  const input = new TextInputBuilder().setCustomId(WORD_FIELD).setStyle(TextInputStyle.Short).setPlaceholder('e.g. size').setRequired(true);
  const label = new LabelBuilder().setLabel('What is the right attribute?').setTextInputComponent(input);
  return new ModalBuilder().setCustomId(`${WORD_MODAL_PREFIX}${messageId}`).setTitle('Something else').addLabelComponents(label);
}

/** The prediction message a submitted word form is about, or null when the form is not ours. */
export function parseWordModal(customId: string): string | null {
  const id = customId.startsWith(WORD_MODAL_PREFIX) ? customId.slice(WORD_MODAL_PREFIX.length) : '';
  return /^\d+$/.test(id) ? id : null;
}
