import { describe, expect, it } from 'vitest';
import { VOTE_EMOJI } from '../chat/chat-core.js';
import { toggleOf, voteChoices, voteControlsFor, voteFromChoice, WORD_CHOICE } from './vote-choices.js';
import { voteFromEmoji } from './vote-from-emoji.js';

const cands = [{ label: 'size', p: 0.5 }, { label: 'weight', p: 0.3 }, { label: 'hue', p: 0.1 }];

describe('vote buttons', () => {
  it('one button per candidate with its label, then ✅ and "something else…"', () => {
    expect(voteChoices(cands)).toEqual([
      { id: '1', label: 'size', kind: 'choose' },
      { id: '2', label: 'weight', kind: 'choose' },
      { id: '3', label: 'hue', kind: 'choose' },
      { id: 'ok', label: '✅', kind: 'confirm' },
      { id: WORD_CHOICE, label: 'something else…', kind: 'word' },
    ]);
    // At most 5 candidates; no ✅ without a first answer.
    expect(voteChoices(Array.from({ length: 8 }, (_, i) => ({ label: `l${i}`, p: 0.1 }))).filter((c) => c.kind === 'choose')).toHaveLength(5);
    expect(voteChoices([])).toEqual([{ id: WORD_CHOICE, label: 'something else…', kind: 'word' }]);
  });

  it('VOTE_CONTROLS decides between reactions, buttons and both', () => {
    expect(voteControlsFor('reactions', cands)).toEqual({ reactions: VOTE_EMOJI, choices: [] });
    expect(voteControlsFor('buttons', cands)).toEqual({ reactions: [], choices: voteChoices(cands) });
    expect(voteControlsFor('both', cands)).toEqual({ reactions: VOTE_EMOJI, choices: voteChoices(cands) });
  });

  it('a click is the vote its reaction would be; other ids are none', () => {
    expect(voteFromChoice('2', 9, 'u', cands)).toEqual(voteFromEmoji('2️⃣', 9, 'u', cands));
    expect(voteFromChoice('ok', 9, 'u', cands)).toEqual({ predictionId: 9, userId: 'u', kind: 'confirm', label: 'size' });
    for (const id of [WORD_CHOICE, '5', '0', 'x', 'constructor', 'toString', '']) expect(voteFromChoice(id, 9, 'u', cands)).toBeNull();
  });

  it('toggles: the same live vote of the same user is taken back, anything else is recorded', () => {
    const vote = { predictionId: 9, userId: 'u', kind: 'choose' as const, label: 'weight' };
    expect(toggleOf([], vote)).toBe('record');
    expect(toggleOf([vote], vote)).toBe('retract');
    expect(toggleOf([{ ...vote, userId: 'other' }], vote)).toBe('record');
    expect(toggleOf([{ ...vote, label: 'size' }], vote)).toBe('record');
    // ✅ on the first candidate and its own button are different votes, as their reactions are.
    expect(toggleOf([{ ...vote, kind: 'confirm' }], vote)).toBe('record');
  });
});
