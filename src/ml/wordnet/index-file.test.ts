import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { indexEntry, readIndexLines } from './index-file.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/wordnet', import.meta.url));

describe('WordNet index files', () => {
  it('parses an entry: normalized lemma, offsets in sense order after the pointer symbols', () => {
    expect(indexEntry('baking_hot a 1 1 & 1 0 01251009  ')).toEqual({ lemma: 'baking hot', offsets: [1251009] });
    expect(indexEntry('dangerous a 2 4 ! & ^ + 2 2 02066198 00654061  ')).toEqual({ lemma: 'dangerous', offsets: [2066198, 654061] });
    expect(indexEntry('')).toBeNull();
  });

  it('reads the entry lines of a part of speech and rejects a missing directory clearly', async () => {
    const lines = await readIndexLines(dir, 'adj');
    expect(lines.map((l) => indexEntry(l)?.lemma)).toContain('hot');
    await expect(readIndexLines('/no/such/dir', 'adj')).rejects.toThrow(/Cannot read the WordNet index file/);
  });
});
