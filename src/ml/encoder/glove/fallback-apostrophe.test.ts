import { describe, expect, it } from 'vitest';
import { apostropheCandidates } from './fallback-apostrophe.js';

describe('apostropheCandidates', () => {
  it('strips clitics GloVe tokenized separately', () => {
    expect(apostropheCandidates("cat's")[0]).toBe('cat');
    expect(apostropheCandidates("they'll")[0]).toBe('they');
    expect(apostropheCandidates("dogs'")[0]).toBe('dogs');
  });

  it('maps negations to their stem', () => {
    expect(apostropheCandidates("doesn't")[0]).toBe('does');
    expect(apostropheCandidates("won't")[0]).toBe('will');
    expect(apostropheCandidates("can't")[0]).toBe('can');
  });

  it('falls back to the word without apostrophes, and ignores plain words', () => {
    expect(apostropheCandidates("rock'n'roll")).toEqual(['rocknroll']);
    expect(apostropheCandidates('plain')).toEqual([]);
  });
});
