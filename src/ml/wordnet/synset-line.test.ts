import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../errors.js';
import { parseSynsetLine } from './synset-line.js';

const adjLines = readFileSync(fileURLToPath(new URL('../../../test/fixtures/wordnet/data.adj', import.meta.url)), 'utf8')
  .split('\n')
  .filter((line) => /^\d/.test(line));
const line = (offset: string): string => adjLines.find((l) => l.startsWith(`${offset} `)) ?? '';

describe('parseSynsetLine', () => {
  it('reads offset, type, words, pointers with source/target, and gloss', () => {
    const able = parseSynsetLine(line('00001740'));
    expect(able).toMatchObject({ offset: 1740, lexFilenum: 0, ssType: 'a', words: [{ lemma: 'able', lexId: 0 }] });
    expect(able.pointers).toHaveLength(5);
    expect(able.pointers[0]).toEqual({ symbol: '=', offset: 5207437, pos: 'n', source: 0, target: 0 });
    expect(able.pointers[4]).toEqual({ symbol: '!', offset: 2098, pos: 'a', source: 1, target: 1 });
    expect(able.gloss).toMatch(/^\(usually followed by `to'\) having the necessary means/);
  });

  it('reads satellites, lex_ids and similar-to pointers', () => {
    const hot = parseSynsetLine(line('01250274'));
    expect(hot.words).toEqual([{ lemma: 'hot', lexId: 1 }]);
    expect(hot.pointers.filter((p) => p.symbol === '&')).toHaveLength(21);
    const baking = parseSynsetLine(line('01251009'));
    expect(baking.ssType).toBe('s');
    expect(baking.words.map((w) => w.lemma)).toEqual(['baking', 'baking_hot']);
    expect(baking.pointers).toEqual([{ symbol: '&', offset: 1250274, pos: 'a', source: 0, target: 0 }]);
  });

  it('strips the adjective markers (ip), (a) and (p) into `marker`', () => {
    expect(parseSynsetLine(line('00014377')).words[1]).toEqual({ lemma: 'galore', lexId: 0, marker: 'ip' });
    expect(parseSynsetLine(line('00020141')).words[0]).toEqual({ lemma: 'outback', lexId: 0, marker: 'a' });
    expect(parseSynsetLine(line('00019769')).words[1]).toEqual({ lemma: 'ready_to_hand', lexId: 0, marker: 'p' });
  });

  it('reads a hexadecimal word count and skips verb frames', () => {
    const words = Array.from({ length: 16 }, (_, i) => `w${i} ${(i % 16).toString(16)}`).join(' ');
    expect(parseSynsetLine(`00000001 00 a 10 ${words} 000 | many`).words).toHaveLength(16);
    const verb = parseSynsetLine('00001740 29 v 01 breathe 0 001 @ 00002000 v 0000 02 + 02 00 + 08 01 | draw air');
    expect(verb.pointers).toHaveLength(1);
  });

  it('rejects a malformed line, naming where it is', () => {
    expect(() => parseSynsetLine('00001740 00 a 01 able 0 002 = 05207437 n 0000 | x', 'data.adj line 30')).toThrow(
      /data\.adj line 30 .*missing pointer symbol/,
    );
    expect(() => parseSynsetLine('00001740 00 q 01 able 0 000 | x')).toThrow(InputError);
    expect(() => parseSynsetLine('00001740 00 a 01 able 0 000 extra | x')).toThrow(/unexpected "extra"/);
  });
});
