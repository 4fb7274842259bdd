import { describe, expect, it } from 'vitest';
import { loadVerbNouns } from './verb-nouns.js';

describe('loadVerbNouns (WordNet 3.1)', () => {
  it("derives the nouns of a verb's first senses from its inflected forms", async () => {
    const verbs = await loadVerbNouns({ exclude: new Set() });
    expect(verbs.nouns('smells')).toContain('smell');
    expect(verbs.nouns('tastes')).toContain('taste');
    expect(verbs.nouns('sounds')).toContain('sound');
    expect(verbs.nouns('glows')).toContain('glow');
    expect(verbs.nouns('looks')).toEqual(['look']);
    // Not the act nor the agent: hearing, rioting, taster.
    expect(verbs.nouns('hears')).toEqual([]);
    expect(verbs.nouns('tastes')).not.toContain('taster');
    // "give" the noun (elasticity) comes from a rare sense of the verb only.
    expect(verbs.nouns('gives')).toEqual([]);
  });

  it('leaves adjectives to the adjective lookup, and excluded words unknown', async () => {
    const verbs = await loadVerbNouns({ exclude: new Set(['smell']) });
    // cold is an adjective; "running" is one too.
    expect(verbs.nouns('cold')).toEqual([]);
    expect(verbs.nouns('running')).toEqual([]);
    // An excluded verb is unknown under any of its forms.
    expect(verbs.nouns('smells')).toEqual([]);
    expect(verbs.nouns('smell')).toEqual([]);
    expect(verbs.nouns('no-such-verb')).toEqual([]);
  });
});
