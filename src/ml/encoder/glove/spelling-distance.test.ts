import { describe, expect, it } from 'vitest';
import { spellingDistance } from './spelling-distance.js';

describe('spellingDistance', () => {
  it('charges half an edit for vowel swaps, sound-alikes and doubling', () => {
    expect(spellingDistance('chonky', 'chunky')).toBe(0.5);
    expect(spellingDistance('thicc', 'thick')).toBe(0.5);
    expect(spellingDistance('smol', 'small')).toBe(1);
    expect(spellingDistance('cheeze', 'cheese')).toBe(0.5);
  });

  it('charges a full edit otherwise, and undoubling only once per pair', () => {
    expect(spellingDistance('cat', 'cat')).toBe(0);
    expect(spellingDistance('cat', 'bat')).toBe(1);
    expect(spellingDistance('form', 'from')).toBe(1);
    expect(spellingDistance('doggo', 'doo')).toBe(1.5);
    expect(spellingDistance('', 'abc')).toBe(3);
  });

  it('gives up with Infinity beyond the limit', () => {
    expect(spellingDistance('chonky', 'elephant', 1.5)).toBe(Infinity);
    expect(spellingDistance('a', 'abcdefgh', 2)).toBe(Infinity);
  });
});
