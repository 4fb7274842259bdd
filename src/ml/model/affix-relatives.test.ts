import { describe, expect, it } from 'vitest';
import { affixRelatives } from './affix-relatives.js';

describe('affixRelatives', () => {
  it('finds the plain word inside a negation and the negations of a plain word', () => {
    expect(affixRelatives('unkind')).toContain('kind');
    expect(affixRelatives('illegal')).toContain('legal');
    expect(affixRelatives('non-toxic')).toContain('toxic');
    expect(affixRelatives('legal')).toContain('illegal');
  });

  it('swaps -less and -ful and never returns the word itself', () => {
    expect(affixRelatives('careless')).toContain('careful');
    expect(affixRelatives('fearful')).toContain('fearless');
    expect(affixRelatives('careless')).not.toContain('careless');
  });

  it('does not strip a prefix down to a stub', () => {
    expect(affixRelatives('unit')).not.toContain('it');
    expect(affixRelatives('ago')).not.toContain('go');
  });
});
