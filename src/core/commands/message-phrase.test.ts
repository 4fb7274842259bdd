import { describe, expect, it } from 'vitest';
import { phraseFromMessage } from './message-phrase.js';

describe('phraseFromMessage', () => {
  it('keeps a short message, its line breaks and space runs as single spaces', () => {
    expect(phraseFromMessage('  very\nchonky \t cat ')).toEqual({ ok: true, text: 'very chonky cat' });
    // "quiz" in a message is a phrase like any other (the caller never runs the quiz for it).
    expect(phraseFromMessage('quiz')).toEqual({ ok: true, text: 'quiz' });
  });

  it('over the phrase limit: a hint to use /attribute with a shorter phrase', () => {
    const r = phraseFromMessage(`${'word '.repeat(40)}end`);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.hint).toMatch(/^That message is 203 characters long; I answer for phrases of up to 100\. Use \/attribute with a shorter phrase/);
  });

  it('no text, or control characters: a hint too', () => {
    expect(phraseFromMessage(' \n ')).toMatchObject({ ok: false, hint: expect.stringMatching(/no text/) as unknown });
    expect(phraseFromMessage('big\u202Eevil')).toMatchObject({ ok: false, hint: expect.stringMatching(/control characters.*\/attribute/) as unknown });
  });
});
