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

  it('tells nouns naming a quality from nouns naming anything else, by the files of their first senses', async () => {
    const h = await loadNounHypernyms(dir);
    // salt's senses in the fixture: a substance and a taste sensation (noun.cognition).
    expect(h.isThing('salt')).toBe(true);
    expect(h.isThing('hotness')).toBe(false);
    // danger: a state first; ability: an attribute, then a cognition.
    expect(h.isThing('danger')).toBe(false);
    expect(h.isThing('ability')).toBe(false);
    // saltiness's first senses (earthy humour, salinity) are not in the fixture: only its taste
    // sensation (noun.cognition) is, so it names no quality here.
    expect(h.isThing('saltiness')).toBe(true);
    expect(h.hypernyms('saltiness')).toContain('taste');
    expect(h.isThing('no such noun')).toBe(false);
  });

  it('in WordNet 3.1, an act, a message or a time is no quality; a noun with a state among its first senses is', async () => {
    const h = await loadNounHypernyms();
    for (const noun of ['athletics', 'trick', 'clue', 'jan', 'hammering']) expect(h.isThing(noun)).toBe(true);
    for (const noun of ['athleticism', 'trickiness', 'stress', 'danger', 'kindness']) expect(h.isThing(noun)).toBe(false);
  });

  it('in WordNet 3.1, synonyms in their most frequent sense share it (murk, murkiness); other nouns do not', async () => {
    const h = await loadNounHypernyms();
    expect(h.firstSense('murk')).toBeDefined();
    expect(h.firstSense('Murkiness')).toBe(h.firstSense('murk'));
    expect(h.firstSense('bounciness')).toBe(h.firstSense('bounce'));
    expect(h.firstSense('chilliness')).not.toBe(h.firstSense('chill'));
    expect(h.firstSense('no such noun')).toBeUndefined();
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
