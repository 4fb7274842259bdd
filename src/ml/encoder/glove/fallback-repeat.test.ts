import { describe, expect, it } from 'vitest';
import { collapseVariants, hasLongRun } from './fallback-repeat.js';

describe('collapseVariants', () => {
  it('shrinks each run of three or more letters to one or two', () => {
    expect(collapseVariants('sooo')).toEqual(['so', 'soo']);
    expect(collapseVariants('cooool')).toEqual(['col', 'cool']);
    expect(collapseVariants('hotttt')).toEqual(['hot', 'hott']);
    expect(collapseVariants('sooogooood')).toEqual(['sogod', 'sogood', 'soogod', 'soogood']);
  });

  it('leaves ordinary double letters alone', () => {
    expect(collapseVariants('cool')).toEqual([]);
    expect(collapseVariants('bookkk')).toEqual(['book', 'bookk']);
    expect(hasLongRun('chonky')).toBe(false);
    expect(hasLongRun('yesss')).toBe(true);
  });

  it('stays bounded for pathological input', () => {
    expect(collapseVariants('aaabbbcccdddeeefffggghhh')).toEqual(['abcdefgh', 'aabbccddeeffgghh']);
  });
});
