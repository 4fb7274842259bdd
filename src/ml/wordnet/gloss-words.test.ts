import { describe, expect, it } from 'vitest';
import { definition, loadGlossWords } from './gloss-words.js';

describe('definition', () => {
  it('keeps what comes before the first quoted example', () => {
    expect(definition('of considerable weight and size; "a hefty boxer"')).toBe('of considerable weight and size');
    expect(definition('of extreme importance')).toBe('of extreme importance');
  });
});

describe('loadGlossWords (WordNet 3.1)', () => {
  it("gives the words of an adjective's definitions, not of its examples", async () => {
    const glosses = await loadGlossWords({ exclude: new Set() });
    expect(glosses.words('hefty')).toEqual(expect.arrayContaining(['weight', 'size']));
    expect(glosses.words('crucial')).toContain('importance');
    // valuable: 'having great material or monetary value especially for use or exchange; "a valuable diamond"'
    expect(glosses.words('valuable')).toContain('value');
    expect(glosses.words('valuable')).not.toContain('diamond');
  });

  it("reads a word that is no adjective as a verb: weighs is defined as 'have a certain weight'", async () => {
    const glosses = await loadGlossWords({ exclude: new Set() });
    expect(glosses.words('weighs')).toContain('weight');
    expect(glosses.words('music')).toEqual([]);
  });

  it('knows nothing of an excluded word', async () => {
    const glosses = await loadGlossWords({ exclude: new Set(['hefty', 'weigh']) });
    expect(glosses.words('hefty')).toEqual([]);
    expect(glosses.words('weighs')).toEqual([]);
  });
});
