import type { Candidate, Vote } from '../types.js';

/** Label stored for ❌ ("none of these is right"). */
export const REJECT_LABEL = '*';

/** Maps a vote emoji on a prediction to the vote it means, or null for any other emoji. */
export function voteFromEmoji(emoji: string, predictionId: number, userId: string, candidates: readonly Candidate[]): Vote | null {
  const base = emoji.replace(/\uFE0F/g, '');
  const digit = ['1⃣', '2⃣', '3⃣', '4⃣', '5⃣'].indexOf(base);
  if (digit >= 0) {
    const c = candidates[digit];
    return c ? { predictionId, userId, kind: 'choose', label: c.label } : null;
  }
  if (base === '✅' || base === '✔') {
    const c = candidates[0];
    return c ? { predictionId, userId, kind: 'confirm', label: c.label } : null;
  }
  if (base === '❌' || base === '✖') return { predictionId, userId, kind: 'reject', label: REJECT_LABEL };
  return null;
}

/** True for the emoji that can be votes: lets callers skip a database lookup for any other. */
export function isVoteEmoji(emoji: string): boolean {
  return /^(?:[1-5]\u20E3|✅|✔|❌|✖)$/u.test(emoji.replace(/\uFE0F/g, ''));
}
