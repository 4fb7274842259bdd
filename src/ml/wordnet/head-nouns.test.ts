import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDerivedNounIndex } from './derived-nouns.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/wordnet', import.meta.url));

describe('nouns borrowed from the head adjective', () => {
  it('gives a satellite with no noun of its own and no attribute the nouns its head derives', async () => {
    const index = await buildDerivedNounIndex({ exclude: new Set(), dir });
    expect(index.derivedNouns('breakneck')).toEqual(['danger', 'dangerousness']);
    expect(index.borrowed.has('breakneck')).toBe(true);
    expect(index.borrowed.has('dangerous')).toBe(false);
  });

  it('lends nothing where the cluster has an attribute: the seed labels those words already', async () => {
    const index = await buildDerivedNounIndex({ exclude: new Set(), dir });
    expect(index.derivedNouns('hot')).toContain('hotness');
    expect(index.derivedNouns('baking')).toEqual([]);
    expect(index.derivedNouns('blistering')).toEqual([]);
  });

  it('lends nothing to an excluded word', async () => {
    const index = await buildDerivedNounIndex({ exclude: new Set(['breakneck']), dir });
    expect(index.derivedNouns('breakneck')).toEqual([]);
    expect(index.borrowed.size).toBe(0);
  });
});
