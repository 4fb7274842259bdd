import { describe, expect, it } from 'vitest';
import { morphologySource } from './morphology-source.js';

describe('morphologySource', () => {
  it('derives nouns from every content word, intensifiers left out', async () => {
    const source = await morphologySource([]);
    expect(source.candidates('very dangerous')).toEqual(expect.arrayContaining(['danger']));
    expect(source.candidates('very dangerous')).not.toContain('verity');
  });

  it('in a phrase of several words, derives nothing from a word WordNet knows only as a noun', async () => {
    const source = await morphologySource([]);
    // On its own, music is what the user asks about.
    expect(source.candidates('music')).toContain('musicality');
    expect(source.candidates('blasting music')).not.toContain('musicality');
    expect(source.candidates('blasting music')).toContain('blast');
    // standard is an adjective too: it still counts beside size.
    expect(source.candidates('standard size')).toContain('measure');
  });
});
