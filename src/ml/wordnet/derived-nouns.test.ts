import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDerivedNounIndex, derivedNounIndexFromEntries } from './derived-nouns.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/wordnet', import.meta.url));

describe('buildDerivedNounIndex', () => {
  it('follows derivational pointers word by word, then attribute pointers', async () => {
    const index = await buildDerivedNounIndex({ exclude: new Set(), dir });
    expect(index.derivedNouns('dangerous')).toEqual(['danger', 'dangerousness']);
    // `unsafe` shares the synset, but the `+` pointers start at word 1 (dangerous) only.
    expect(index.derivedNouns('unsafe')).toEqual([]);
    expect(index.derivedNouns('cold')).toEqual(['cold', 'coldness', 'temperature']);
    expect(index.derivedNouns(' HOT ')).toEqual(['hotness', 'temperature', 'emotionality', 'emotionalism']);
    expect(index.derivedNouns('able')).toEqual(['ability', 'power']);
    // Pointer targets missing from the fixture are skipped.
    expect(index.derivedNouns('handy')).toEqual([]);
  });

  it('has no entry for an excluded adjective', async () => {
    const index = await buildDerivedNounIndex({ exclude: new Set(['hot']), dir });
    expect(index.derivedNouns('hot')).toEqual([]);
    expect(index.derivedNouns('cold')).not.toEqual([]);
  });

  it('round-trips through entries and lists noun lemmas', async () => {
    const index = await buildDerivedNounIndex({ exclude: new Set(), dir });
    const copy = derivedNounIndexFromEntries(JSON.parse(JSON.stringify(index.entries())) as [string, string[]][], dir);
    expect(copy.size).toBe(index.size);
    expect(copy.derivedNouns('dangerous')).toEqual(index.derivedNouns('dangerous'));
    const lemmas = await index.nounLemmas();
    expect(lemmas.has('high temperature')).toBe(true);
    expect(lemmas.has('license')).toBe(false);
    expect(lemmas.size).toBe(14);
  });
});
