import { tempDir } from '../../../test/support/temp-dir.js';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExclusionSet } from './exclusion-set.js';

describe('readExclusionSet', () => {
  it('collects normalized phrases from files and from every .tsv of a directory', async () => {
    const root = await tempDir('attribot-exclude-');
    const evalDir = join(root, 'eval');
    await mkdir(evalDir);
    await writeFile(join(evalDir, 'a.tsv'), '# c\nBoiling Hot\ttemperature\n');
    await writeFile(join(evalDir, 'b.tsv'), 'icy\tcold\n');
    await writeFile(join(evalDir, 'README.md'), 'not\ta tsv\tfile\n');
    const extra = join(root, 'extra.tsv');
    await writeFile(extra, 'Penniless\twealth\n');
    expect(await readExclusionSet([evalDir, extra])).toEqual(new Set(['boiling hot', 'hot', 'icy', 'penniless']));
  });

  it("excludes a multi-word phrase's adjectives, never its nouns or intensifiers", async () => {
    const root = await tempDir('attribot-exclude-');
    const file = join(root, 'heiplas.tsv');
    await writeFile(file, 'enchanting music\tattractiveness\nvery chonky\tsize\n');
    const set = await readExclusionSet([file]);
    expect(set.has('enchanting')).toBe(true);
    expect(set.has('music')).toBe(false);
    expect(set.has('very')).toBe(false);
  });

  it('excludes an adjective of several words inside a phrase, as WordNet writes it', async () => {
    const root = await tempDir('attribot-exclude-');
    const file = join(root, 'chat.tsv');
    await writeFile(file, 'so pissed off\tanger\npretty laid back\tcalmness\n');
    const set = await readExclusionSet([file]);
    expect(set.has('pissed off')).toBe(true);
    expect(set.has('laid-back')).toBe(true);
    expect(set.has('so pissed')).toBe(false);
  });

  it('refuses a missing path and a directory without .tsv files', async () => {
    const empty = await tempDir('attribot-exclude-');
    await expect(readExclusionSet([join(empty, 'nope')])).rejects.toMatchObject({ code: 'input.not_found' });
    await expect(readExclusionSet([empty])).rejects.toThrow(/has no \.tsv file/);
  });

  const evalDir = join(import.meta.dirname, '../../../../shared/eval');
  it.skipIf(!existsSync(evalDir))('reads the shared eval sets', async () => {
    const phrases = await readExclusionSet([evalDir]);
    expect(phrases.has('boiling hot')).toBe(true);
    expect(phrases.size).toBeGreaterThan(2000);
  });
});
