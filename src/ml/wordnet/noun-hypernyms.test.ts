import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNounHypernyms } from './noun-hypernyms.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/wordnet', import.meta.url));

describe('loadNounHypernyms', () => {
  it('finds what a quality noun is a kind of', async () => {
    const h = await loadNounHypernyms(dir);
    expect(h.hypernyms('hotness')).toContain('temperature');
    // The third sense of coldness is the low temperature one.
    expect(h.hypernyms('Coldness')).toContain('temperature');
  });

  it('tells concrete things from abstract nouns by their most frequent sense', async () => {
    const h = await loadNounHypernyms(dir);
    expect(h.isThing('salt')).toBe(true);
    expect(h.isThing('hotness')).toBe(false);
    // saltiness's first sense (earthy humour) is not in the fixture: unknown counts as not a thing.
    expect(h.isThing('saltiness')).toBe(false);
    expect(h.hypernyms('saltiness')).toContain('taste');
    expect(h.isThing('no such noun')).toBe(false);
  });

  it("names what a noun's most frequent sense is first of all a kind of", async () => {
    const h = await loadNounHypernyms(dir);
    expect(h.parents('hotness')).toEqual(['temperature']);
    // coldness's first sense is not the temperature one: only that sense counts.
    expect(h.parents('coldness')).not.toContain('temperature');
    expect(h.parents('dangerous')).toEqual([]);
  });

  it('knows nothing about words that are not nouns', async () => {
    const h = await loadNounHypernyms(dir);
    expect(h.hypernyms('dangerous')).toEqual([]);
    expect(h.hypernyms('')).toEqual([]);
  });
});
