import { tempDir } from '../../../test/support/temp-dir.js';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { readLabelledTsv } from './tsv.js';
import { formatLabelledTsv, writeLabelledTsv } from './tsv-writer.js';

describe('writeLabelledTsv', () => {
  it('round-trips through readLabelledTsv', async () => {
    const examples = [
      { phrase: 'boiling hot', labels: ['temperature', 'heat'] },
      { phrase: 'naïve', labels: ['sophistication'] },
      { phrase: 'at hand', labels: ['distance', 'face of the earth'] },
    ];
    const dir = await tempDir('attribot-export-');
    const file = join(dir, 'export.tsv');
    await writeLabelledTsv(file, examples, 'exported by attribot\nphrase\tlabels');
    expect(await readLabelledTsv(file)).toEqual(examples);
    expect((await readFile(file, 'utf8')).split('\n')[0]).toBe('# exported by attribot');
    expect(await readdir(dir)).toEqual(['export.tsv']);
  });

  it('writes canonical forms', () => {
    expect(formatLabelledTsv([{ phrase: ' Very  Hot ', labels: ['Net_Worth', 'net worth'] }])).toBe('very hot\tnet worth\n');
  });

  it.each([
    [{ phrase: 'x', labels: ['a,b'] }, 'contains a comma'],
    [{ phrase: 'x', labels: [] }, 'has no label'],
    [{ phrase: 'x', labels: [' '] }, 'a label is empty'],
    [{ phrase: ' ', labels: ['a'] }, 'the phrase is empty'],
    [{ phrase: '#tag', labels: ['a'] }, 'read back as a comment'],
    [{ phrase: 'a'.repeat(101), labels: ['a'] }, 'longer than 100'],
  ])('refuses %j, naming the phrase', (example, why) => {
    expect(() => formatLabelledTsv([example])).toThrow(InputError);
    expect(() => formatLabelledTsv([example])).toThrow(why);
  });
});
