import { describe, expect, it } from 'vitest';
import { adjectiveBases, comparativeForms } from './comparative-forms.js';

describe('comparativeForms', () => {
  it('makes the regular comparative and superlative of short adjectives only', () => {
    expect(comparativeForms('cold')).toEqual(['colder', 'coldest']);
    expect(comparativeForms('big')).toEqual(['bigger', 'biggest']);
    expect(comparativeForms('happy')).toEqual(['happier', 'happiest']);
    expect(comparativeForms('nice')).toEqual(['nicer', 'nicest']);
    expect(comparativeForms('expensive')).toEqual([]);
    expect(comparativeForms('well-off')).toEqual([]);
  });
});

describe('adjectiveBases', () => {
  // The caller keeps the bases its vocabulary has; a few real adjectives stand in for WordNet's.
  const adjectives = new Set(['cold', 'tasty', 'big', 'nice', 'cute', 'cut', 'wet']);
  const real = (word: string) => adjectiveBases(word).filter((b) => adjectives.has(b));

  it('finds the adjective a regular comparative or superlative comes from', () => {
    expect(real('colder')).toEqual(['cold']);
    expect(real('tastiest')).toEqual(['tasty']);
    expect(real('bigger')).toEqual(['big']);
    expect(real('nicer')).toEqual(['nice']);
    expect(real('wettest')).toEqual(['wet']);
  });

  it('only where the rules would make the word: cutest is cute, not cut', () => {
    expect(adjectiveBases('cutest')).toEqual(['cute']);
    expect(real('water')).toEqual([]);
    expect(adjectiveBases('cold')).toEqual([]);
  });
});
