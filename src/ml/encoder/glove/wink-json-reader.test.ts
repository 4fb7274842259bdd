import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINI_GLOVE_PATH, tempDataDir } from '../../../../test/fixtures/glove/mini-glove.js';
import { AppError } from '../../../errors.js';
import { readWinkJson } from './wink-json-reader.js';

interface WinkJson {
  dimensions: number;
  words: string[];
  vectors: Record<string, number[]>;
}

describe('readWinkJson', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  beforeEach(async () => ({ dir, cleanup } = await tempDataDir()));
  afterEach(() => cleanup());

  it('reads the fixture into frequency-ordered rows equal to JSON.parse', async () => {
    const json = JSON.parse(await readFile(MINI_GLOVE_PATH, 'utf8')) as WinkJson;
    const table = await readWinkJson(MINI_GLOVE_PATH);
    expect(table.dim).toBe(100);
    expect(table.words).toEqual(json.words);
    json.words.forEach((w, i) => {
      const expected = Float32Array.from(json.vectors[w]!.slice(0, 100));
      expect(table.matrix.subarray(i * 100, (i + 1) * 100)).toEqual(expected);
    });
  });

  it('explains a file that is not in the wink layout', async () => {
    const cases: [string, RegExp][] = [
      ['{"dimensions":2,"words":["a"],"vectors":{"b":[1,2]}}', /"b" not in "words"/],
      ['{"dimensions":2,"words":["a","b"],"vectors":{"a":[1,2]}}', /1 of 2 words have a vector/],
      ['{"dimensions":2,"words":["a"],"vectors":{"a":[1]}}', /has 1 values/],
      ['{"vectors":{},"dimensions":2,"words":["a"]}', /comes before/],
      ['{"dimensions":2,"words":["a"],"vectors":{"a":[1,', /ends early/],
    ];
    for (const [text, message] of cases) {
      const path = join(dir, 'bad.json');
      await writeFile(path, text);
      const err = await readWinkJson(path).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('encoder.unavailable');
      expect((err as AppError).message).toMatch(message);
    }
  });

  it('says when the file is missing', async () => {
    await expect(readWinkJson(join(dir, 'nope.json'))).rejects.toThrow(/Cannot read GloVe vectors/);
  });
});
