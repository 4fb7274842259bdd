import { describe, expect, it } from 'vitest';
import { parseConsoleLine } from './parse-console-line.js';

describe('parseConsoleLine', () => {
  it.each([
    ['/attribute very chonky', { kind: 'attribute', text: 'very chonky' }],
    ['very chonky', { kind: 'attribute', text: 'very chonky' }],
    [':2', { kind: 'react', emoji: '2️⃣' }],
    [':ok', { kind: 'react', emoji: '✅' }],
    [':x smell', { kind: 'react', emoji: '❌', word: 'smell' }],
    [':x', { kind: 'react', emoji: '❌' }],
    ['/attribute-admin retrain', { kind: 'admin', args: 'retrain' }],
    ['/attribute-correct size', { kind: 'correct', word: 'size' }],
    ['/quit', { kind: 'quit' }],
    ['   ', { kind: 'empty' }],
  ])('%s', (line, expected) => {
    expect(parseConsoleLine(line)).toEqual(expected);
  });
});
