import { describe, expect, it } from 'vitest';
import { closedCompound, hyphenParts } from './fallback-hyphen.js';

describe('hyphen fallback helpers', () => {
  it('splits a compound into its non-empty parts', () => {
    expect(hyphenParts('super-chonky')).toEqual(['super', 'chonky']);
    expect(hyphenParts('teeny-weeny-tiny')).toEqual(['teeny', 'weeny', 'tiny']);
    expect(hyphenParts('plain')).toEqual([]);
  });

  it('closes a compound up', () => {
    expect(closedCompound('e-mail')).toBe('email');
    expect(closedCompound('plain')).toBeUndefined();
  });
});
