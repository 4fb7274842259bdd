import { describe, expect, it } from 'vitest';
import type { VoteRecord } from '../types.js';
import { percent, renderPrediction, renderPredictionMessage } from './prediction-message.js';

const prediction = {
  phraseRaw: 'Very Chonky',
  candidates: [
    { label: 'stature', p: 0.17 },
    { label: 'size', p: 0.09 },
  ],
  modelVersionId: 1,
  heading: null,
  unknownWords: [],
};

const vote: VoteRecord = { id: 1, predictionId: 1, userId: 'u', kind: 'choose', label: 'size', createdAt: new Date(), retractedAt: null };

describe('prediction message', () => {
  it('numbers the candidates with percentages and adds the votes after them', () => {
    const text = renderPredictionMessage(prediction, [vote]);
    expect(text.split('\n')).toEqual([
      '“Very Chonky” → stature? not sure — is it one of these?',
      '1️⃣ stature — 17%',
      '2️⃣ size — 9%',
      expect.stringMatching(/^model v1 · wrong\? react/),
      'thanks — recorded: size (1 vote) · learned — ask me again',
    ]);
    expect(percent(0.001)).toBe('<1%');
  });

  it('keeps the heading of a question the bot asked and the unknown-words note, also after votes', () => {
    const asked = { ...prediction, heading: 'Quiz', unknownWords: ['chonky'] };
    for (const votes of [[], [vote]]) {
      const text = renderPredictionMessage(asked, votes);
      expect(text).toMatch(/^Quiz — I'm unsure about this one; which is right\?\n“Very Chonky” → stature\? not sure/);
      expect(text).toContain("\n(I don't know the word “chonky” well — your corrections teach me.)");
    }
    // The votes' footer stays the last line (the console prints just that line after a vote).
    expect(renderPredictionMessage(asked, [vote]).split('\n').pop()).toBe('thanks — recorded: size (1 vote) · learned — ask me again');
    expect(renderPredictionMessage(prediction)).toBe(renderPrediction(prediction));
  });

  it('says a vote is learned at once only when its label is one of the model\'s classes', () => {
    const footer = (isClass: (l: string) => boolean) => renderPredictionMessage(prediction, [vote], undefined, isClass).split('\n').pop();
    expect(footer((l) => l === 'size')).toBe('thanks — recorded: size (1 vote) · learned — ask me again');
    expect(footer(() => false)).toBe('thanks — recorded: size (1 vote) · learned at the next retrain');
  });

  it('hints at typed votes on the console and at reactions elsewhere', () => {
    const consoleText = renderPredictionMessage({ ...prediction, platform: 'console' });
    expect(consoleText).toContain('type :1–:5 for the right one, :ok if the first is right, :x <word> if none is');
    expect(consoleText).not.toContain('react');
    expect(renderPredictionMessage({ ...prediction, platform: 'discord' })).toMatch(/wrong\? react 1️⃣–5️⃣/);
  });

  it('hints at the message controls VOTE_CONTROLS puts under it (the console always types)', () => {
    const hint = (controls: 'reactions' | 'buttons' | 'both', platform: 'slack' | 'console' = 'slack') =>
      renderPredictionMessage({ ...prediction, platform }, [], controls).split('\n').at(-1) ?? '';
    expect(hint('reactions')).toMatch(/react 1️⃣–5️⃣ .*❌ if none is \(then \/attribute-correct <word>\)$/);
    expect(hint('buttons')).toMatch(/click the right one below, ✅ if the first is right, “something else…” if none is$/);
    expect(hint('buttons')).not.toMatch(/react|❌/);
    expect(hint('both')).toMatch(/click or react 1️⃣–5️⃣ .*“something else…” or ❌ if none is$/);
    expect(hint('buttons', 'console')).toMatch(/type :1–:5/);
  });

  it('says so when the first answer is more likely wrong than right, and not otherwise', () => {
    expect(renderPrediction({ ...prediction, candidates: [{ label: 'size', p: 0.8 }] }).split('\n')[0]).toBe('“Very Chonky” → size');
    expect(renderPrediction({ ...prediction, candidates: [{ label: 'size', p: 0.3 }] }).split('\n')[0]).toBe('“Very Chonky” → size? not sure — is it one of these?');
  });

  it('promises instant learning only for votes on shown candidates, not for a new word', () => {
    const newWord: VoteRecord = { ...vote, kind: 'new_label', label: 'chonkiness' };
    expect(renderPredictionMessage(prediction, [newWord]).split('\n').pop()).toBe('thanks — recorded: chonkiness (1 vote)');
  });
});
