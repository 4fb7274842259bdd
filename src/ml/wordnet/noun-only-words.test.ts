import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadNounOnlyWords } from './noun-only-words.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/wordnet', import.meta.url));

describe('loadNounOnlyWords', () => {
  it('is true for a noun WordNet has no adjective of, false for a word that is also an adjective', async () => {
    const nounOnly = await loadNounOnlyWords({ exclude: new Set(), dir });
    expect(nounOnly.has('salt')).toBe(true);
    expect(nounOnly.has('high temperature')).toBe(true);
    // cold is a noun and an adjective; dangerous only an adjective; outback not a noun in the fixture.
    expect(nounOnly.has('cold')).toBe(false);
    expect(nounOnly.has('dangerous')).toBe(false);
    expect(nounOnly.has('no such word')).toBe(false);
  });

  it('treats an excluded word as unknown', async () => {
    const nounOnly = await loadNounOnlyWords({ exclude: new Set(['salt']), dir });
    expect(nounOnly.has('salt')).toBe(false);
    expect(nounOnly.has('heat')).toBe(true);
  });

  it('in WordNet 3.1, the nouns of adjective–noun phrases are noun-only, their adjectives are not', async () => {
    const nounOnly = await loadNounOnlyWords({ exclude: new Set() });
    for (const word of ['music', 'position', 'paint', 'voice']) expect(nounOnly.has(word)).toBe(true);
    for (const word of ['enchanting', 'standard', 'gold', 'current']) expect(nounOnly.has(word)).toBe(false);
  });
});
