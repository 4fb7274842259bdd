import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { DataFile } from './data-file.js';
import { defaultWordnetDir } from './wordnet-dir.js';

const fixtureDir = fileURLToPath(new URL('../../../test/fixtures/wordnet', import.meta.url));

describe('DataFile', () => {
  it('lists every synset of a file, skipping the license header', async () => {
    const adjectives = await DataFile.load(fixtureDir, 'a');
    expect([...adjectives.synsets()].map((s) => s.offset)).toContain(1250274);
    expect([...adjectives.synsets()]).toHaveLength(11);
  });

  it('finds a synset by its original offset when lines are not at their byte offsets', async () => {
    const nouns = await DataFile.load(fixtureDir, 'n');
    expect(nouns.at(5018974).words[0]?.lemma).toBe('temperature');
    expect(nouns.find(4726275)).toBeUndefined();
    expect(() => nouns.at(4726275)).toThrow(/data\.noun has no synset with offset 4726275/);
  });

  it('reads the real package by byte offset', async () => {
    const adjectives = await DataFile.load(defaultWordnetDir(), 'a');
    expect(adjectives.at(1740).words[0]?.lemma).toBe('able');
    expect(adjectives.at(1250274).words[0]?.lemma).toBe('hot');
  });

  it('names the path of a missing file', async () => {
    await expect(DataFile.load('/nonexistent-wordnet', 'n')).rejects.toThrow(InputError);
    await expect(DataFile.load('/nonexistent-wordnet', 'n')).rejects.toThrow(/nonexistent-wordnet\/data\.noun/);
  });
});
