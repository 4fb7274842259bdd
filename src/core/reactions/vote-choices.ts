import type { VoteChoice, VoteControls } from '../chat/chat-core.js';
import { VOTE_EMOJI } from '../chat/chat-core.js';
import type { Candidate, Vote } from '../types.js';
import { voteFromEmoji } from './vote-from-emoji.js';

/** The id of the "something else…" button: not a vote, it asks for the word. */
export const WORD_CHOICE = 'word';

/** Button ids that are votes, and the reaction each one stands for (a click votes exactly as it does). */
const CHOICE_EMOJI: Readonly<Record<string, string>> = { '1': '1️⃣', '2': '2️⃣', '3': '3️⃣', '4': '4️⃣', '5': '5️⃣', ok: '✅' };

/** The buttons under a prediction: one per shown candidate (its label), ✅ for "the first is right", and "something else…". */
export function voteChoices(candidates: readonly Candidate[]): VoteChoice[] {
  const choices: VoteChoice[] = candidates.slice(0, 5).map((c, i) => ({ id: String(i + 1), label: c.label, kind: 'choose' }));
  if (candidates.length > 0) choices.push({ id: 'ok', label: '✅', kind: 'confirm' });
  choices.push({ id: WORD_CHOICE, label: 'something else…', kind: 'word' });
  return choices;
}

/** What a prediction message carries under `VOTE_CONTROLS`: its vote reactions and its buttons. */
export function voteControlsFor(controls: VoteControls, candidates: readonly Candidate[]): { reactions: readonly string[]; choices: VoteChoice[] } {
  return {
    reactions: controls === 'buttons' ? [] : VOTE_EMOJI,
    choices: controls === 'reactions' ? [] : voteChoices(candidates),
  };
}

/** The vote a button click means (as its reaction would), or null for an id that is no vote (e.g. {@link WORD_CHOICE}). */
export function voteFromChoice(choice: string, predictionId: number, userId: string, candidates: readonly Candidate[]): Vote | null {
  const emoji = Object.hasOwn(CHOICE_EMOJI, choice) ? CHOICE_EMOJI[choice] : undefined;
  return emoji === undefined ? null : voteFromEmoji(emoji, predictionId, userId, candidates);
}

/**
 * The toggle of a button: a click records the vote, unless the clicker already has that very vote
 * live, in which case the click takes it back (as removing the reaction would).
 */
export function toggleOf(live: readonly Vote[], vote: Vote): 'record' | 'retract' {
  const has = live.some((v) => v.userId === vote.userId && v.kind === vote.kind && v.label === vote.label);
  return has ? 'retract' : 'record';
}
