import { tempDir } from '../../../test/support/temp-dir.js';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { parseLabelledTsv, readLabelledTsv } from './tsv.js';

describe('parseLabelledTsv', () => {
  it('normalizes phrases and labels, skipping comments and blank lines', () => {
    const text = '\ufeff# phrase\tlabels\n\nBoiling  Hot\ttemperature, Heat\r\n  # indented comment\npenniless\twealth,Net_Worth\n';
    expect(parseLabelledTsv(text, 'x.tsv')).toEqual([
      { phrase: 'boiling hot', labels: ['temperature', 'heat'] },
      { phrase: 'penniless', labels: ['wealth', 'net worth'] },
    ]);
  });

  it('merges a phrase listed twice and drops duplicate labels', () => {
    expect(parseLabelledTsv('hot\ttemperature,Temperature\nhot\theat\n', 'x.tsv')).toEqual([
      { phrase: 'hot', labels: ['temperature', 'heat'] },
    ]);
  });

  it.each([
    ['no tab', 'there is no tab'],
    ['a\tb\tc', 'more than one tab'],
    ['   \tsize', 'the phrase is empty'],
    ['big\tsize,', 'a label is empty'],
    ['big\t', 'a label is empty'],
    [`${'a'.repeat(101)}\tsize`, 'longer than 100 characters'],
    ['big\u0007\tsize', 'control character'],
  ])('rejects %j with the file and line number', (bad, why) => {
    const text = `# header\nok\tfine\n\n${bad}\nlater\tfine\n`;
    expect(() => parseLabelledTsv(text, 'data/import.tsv')).toThrow(InputError);
    expect(() => parseLabelledTsv(text, 'data/import.tsv')).toThrow(new RegExp(`^data/import\\.tsv line 4 is not valid: .*${why}`));
  });

  it('accepts a phrase of exactly 100 characters', () => {
    expect(parseLabelledTsv(`${'é'.repeat(100)}\tsize`, 'x.tsv')).toHaveLength(1);
  });
});

describe('readLabelledTsv', () => {
  it('reads a file and names the line that is not UTF-8', async () => {
    const dir = await tempDir('attribot-tsv-');
    const good = join(dir, 'good.tsv');
    await writeFile(good, 'tiny\tsize\n');
    expect(await readLabelledTsv(good)).toEqual([{ phrase: 'tiny', labels: ['size'] }]);
    const bad = join(dir, 'bad.tsv');
    await writeFile(bad, Buffer.concat([Buffer.from('tiny\tsize\nhu'), Buffer.from([0xff]), Buffer.from('ge\tsize\n')]));
    await expect(readLabelledTsv(bad)).rejects.toThrow(`${bad} line 2 is not valid UTF-8`);
  });

  it('reports a missing file as not found', async () => {
    await expect(readLabelledTsv('/nonexistent/x.tsv')).rejects.toMatchObject({ code: 'input.not_found' });
  });
});
