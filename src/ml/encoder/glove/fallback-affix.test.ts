import { describe, expect, it } from 'vitest';
import { affixCandidates, americanSpelling, suffixStems } from './fallback-affix.js';

describe('americanSpelling', () => {
  it('maps British spellings', () => {
    expect(americanSpelling('flavoured')).toBe('flavored');
    expect(americanSpelling('sensitised')).toBe('sensitized');
    expect(americanSpelling('analyse')).toBe('analyze');
    expect(americanSpelling('centre')).toBe('center');
    expect(americanSpelling('anaemic')).toBe('anemic');
    expect(americanSpelling('size')).toBeUndefined();
  });
});

describe('suffixStems', () => {
  it('repairs the stem: restores e, undoes doubling, turns i into y', () => {
    expect(suffixStems('palish')).toEqual([['pal', 'pale']]);
    expect(suffixStems('sunny')).toEqual([['sunn', 'sunne', 'sun']]);
    expect(suffixStems('bodied')).toEqual([['bodi', 'bodie', 'body']]);
    expect(suffixStems('reedlike')).toEqual([['reed', 'reede']]);
  });

  it('keeps stems of at least three letters', () => {
    expect(suffixStems('icy')).toEqual([]);
    expect(suffixStems('oily')).toEqual([['oil', 'oile']]);
  });
});

describe('affixCandidates', () => {
  it('tries the American spelling first, then suffix stems, then prefix removal', () => {
    const groups = affixCandidates('unflavoured');
    expect(groups[0]).toEqual(['unflavored']);
    expect(groups).toContainEqual(['flavoured', 'flavored']);
    expect(groups.findIndex((g) => g.includes('flavored'))).toBeGreaterThan(0);
  });

  it('combines a prefix and a suffix', () => {
    expect(affixCandidates('overmodestly').flat()).toContain('modest');
  });

  it('never proposes the word itself or tiny stems', () => {
    for (const g of affixCandidates('undo')) for (const w of g) expect(w.length).toBeGreaterThanOrEqual(3);
    expect(affixCandidates('size')).toEqual([]);
  });
});
