import { describe, expect, it } from 'vitest';
import { hasNoKnownWords, isTeachable, noKnownWordsText } from './known-words.js';

describe('hasNoKnownWords', () => {
  it.each([
    ['🙂🙂', []],
    ['123 456', []],
    ['\u200b\u200d', []],
    [':9', []],
    ['zxqv blorft', ['zxqv', 'blorft']],
  ])('%j has no known word', (phrase, oov) => {
    expect(hasNoKnownWords(phrase, oov)).toBe(true);
  });

  it.each([
    ['very chonky', ['chonky']],
    ['3 huge dogs', []],
    ['Zxqv big', ['zxqv']],
  ])('%j has one', (phrase, oov) => {
    expect(hasNoKnownWords(phrase, oov)).toBe(false);
  });

  it('keeps phrases with letters so /attribute-correct can teach them, and says so', () => {
    expect(isTeachable('zxqv')).toBe(true);
    expect(isTeachable('🙂 123')).toBe(false);
    expect(noKnownWordsText('zxqv')).toMatch(/^I don't know any of these words — teach me with \/attribute-correct <word> \(it applies to this phrase\)/);
    expect(noKnownWordsText('123')).toMatch(/numbers, emoji and symbols alone name no attribute/);
  });
});
