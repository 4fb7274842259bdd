import { describe, expect, it } from 'vitest';
import { loadWordSenses, perWord, verbForms } from './word-senses.js';

describe('verbForms', () => {
  it('undoes regular inflections, the word itself first', () => {
    expect(verbForms('smells').slice(0, 2)).toEqual(['smells', 'smell']);
    expect(verbForms('tastes').slice(0, 2)).toEqual(['tastes', 'taste']);
    expect(verbForms('tries')).toContain('try');
    expect(verbForms('glowing')).toContain('glow');
    expect(verbForms('stopped')).toContain('stop');
    expect(verbForms('is')).toEqual(['is']);
  });
});

describe('loadWordSenses (WordNet 3.1)', () => {
  it('reads an adjective as one, and another word as the verb it inflects', async () => {
    const senses = await loadWordSenses({ exclude: new Set() });
    const cold = senses.read('cold', 3);
    expect(cold?.pos).toBe('a');
    expect(cold?.synsets).toHaveLength(3);
    const smells = senses.read('smells', 3);
    expect(smells).toMatchObject({ pos: 'v', lemma: 'smell' });
    expect(smells?.synsets.map((s) => s.ssType)).toEqual(['v', 'v', 'v']);
    expect(senses.read('music', 3)).toBeUndefined();
  });

  it('knows nothing of an excluded word, under any of its forms', async () => {
    const senses = await loadWordSenses({ exclude: new Set(['cold', 'smell']) });
    expect(senses.read('cold', 3)).toBeUndefined();
    expect(senses.read('smells', 3)).toBeUndefined();
    expect(senses.isAdjective('cold')).toBe(false);
  });

  it('tells an adjective, of one word or several, from a verb or an unknown word', async () => {
    const senses = await loadWordSenses({ exclude: new Set() });
    for (const w of ['cold', 'pissed off', 'laid-back']) expect(senses.isAdjective(w), w).toBe(true);
    for (const w of ['smells', 'music', 'laid back', 'chonky']) expect(senses.isAdjective(w), w).toBe(false);
  });
});

describe('perWord', () => {
  it('computes once per normalized word', () => {
    const seen: string[] = [];
    const lookup = perWord((key) => {
      seen.push(key);
      return [key.toUpperCase()];
    });
    expect(lookup('Smells')).toEqual(['SMELLS']);
    expect(lookup('smells')).toBe(lookup('SMELLS'));
    expect(seen).toEqual(['smells']);
  });
});
