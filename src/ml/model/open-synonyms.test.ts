import { describe, expect, it } from 'vitest';
import { isBaseOf, synonymName } from './open-synonyms.js';

const counts: Record<string, number> = { murk: 5, bounce: 502, frivolity: 9, flavor: 255, flavour: 61 };
const uses = (w: string) => counts[w] ?? 0;

describe('isBaseOf', () => {
  it('tells the noun a -y adjective is made from, with a dropped e or a doubled consonant', () => {
    expect(isBaseOf('murk', ['murky'])).toBe(true);
    expect(isBaseOf('bounce', ['super', 'bouncy'])).toBe(true);
    expect(isBaseOf('zip', ['zippy'])).toBe(true);
    expect(isBaseOf('murkiness', ['murky'])).toBe(false);
  });

  it('leaves out what a -less or -ful adjective is made from, and bases too short to tell', () => {
    expect(isBaseOf('flavor', ['flavorless'])).toBe(false);
    expect(isBaseOf('hope', ['hopeful'])).toBe(false);
    expect(isBaseOf('ic', ['icy'])).toBe(false);
  });
});

describe('synonymName', () => {
  it('names the quality rather than the stuff a -y word is made from, though the stuff is more everyday', () => {
    expect(synonymName('murk', 'murkiness', ['murky'], uses)).toBe('murkiness');
    expect(synonymName('bounciness', 'bounce', ['bouncy'], uses)).toBe('bounciness');
  });

  it('else the more everyday word, else the first', () => {
    expect(synonymName('frivolousness', 'frivolity', ['frivolous'], uses)).toBe('frivolity');
    expect(synonymName('flavour', 'flavor', ['flavorless'], uses)).toBe('flavor');
    expect(synonymName('saliency', 'salience', ['salient'], uses)).toBe('saliency');
  });
});
