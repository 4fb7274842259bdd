import { describe, expect, it } from 'vitest';
import { joinLemmas } from './multi-word-lemmas.js';

const lemmas = new Set(['pissed off', 'laid-back', 'worn out', 'worn-out', 'on fire']);
const isLemma = (f: string) => lemmas.has(f);
const nouns = new Set(['fire', 'hand', 'dog']);
const namesThing = (w: string) => nouns.has(w);

describe('joinLemmas', () => {
  it('joins a run of words that is a lemma, with spaces or hyphens as WordNet writes it', () => {
    expect(joinLemmas(['so', 'pissed', 'off'], isLemma, namesThing)).toEqual(['so', 'pissed off']);
    expect(joinLemmas(['pretty', 'laid', 'back'], isLemma, namesThing)).toEqual(['pretty', 'laid-back']);
    expect(joinLemmas(['pants', 'on', 'fire'], isLemma, namesThing)).toEqual(['pants', 'on fire']);
    expect(joinLemmas(['worn', 'out'], isLemma, namesThing)).toEqual(['worn out']);
  });

  it('keeps an adjective and the noun it describes apart, though WordNet has their compound', () => {
    const compound = (f: string) => f === 'left-hand';
    expect(joinLemmas(['left', 'hand'], compound, namesThing)).toEqual(['left', 'hand']);
    expect(joinLemmas(['left', 'hand'], compound, () => false)).toEqual(['left-hand']);
  });

  it('leaves other words alone', () => {
    expect(joinLemmas(['very', 'chonky'], isLemma, namesThing)).toEqual(['very', 'chonky']);
    expect(joinLemmas(['pissed'], isLemma, namesThing)).toEqual(['pissed']);
    expect(joinLemmas([], isLemma, namesThing)).toEqual([]);
  });
});
