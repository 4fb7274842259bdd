import { describe, expect, it } from 'vitest';
import { parseConsoleLine } from './parse-console-line.js';

describe('parseConsoleLine', () => {
  it.each([
    ['/attribute very chonky', { kind: 'attribute', text: 'very chonky' }],
    ['very chonky', { kind: 'attribute', text: 'very chonky' }],
    [':)', { kind: 'attribute', text: ':)' }],
    [':2', { kind: 'react', emoji: '2️⃣' }],
    [':ok', { kind: 'react', emoji: '✅' }],
    [':x smell', { kind: 'reject', word: 'smell' }],
    [':x', { kind: 'reject' }],
    ['/attribute-admin retrain', { kind: 'admin', args: 'retrain' }],
    ['/attribute-correct size', { kind: 'correct', word: 'size' }],
    ['/quit', { kind: 'quit' }],
    ['/help', { kind: 'help' }],
    ['   ', { kind: 'empty' }],
  ])('%s', (line, expected) => {
    expect(parseConsoleLine(line)).toEqual(expected);
  });

  it.each([
    ['/attribut chonky', /Unknown command “\/attribut”/],
    ['/', /Unknown command “\/”/],
    [':9', /:9 is not a candidate: choose :1 to :5/],
    [':0', /:0 is not a candidate/],
    [':6 please', /:6 is not a candidate/],
    [':2 size', /:2 takes no arguments \(got “size”\)/],
    [':ok thanks', /:ok takes no arguments/],
    [':maybe', /Unknown vote “:maybe”/],
    ['/quit now', /\/quit takes no arguments/],
    ['/help me', /\/help takes no arguments/],
    ['/attribute-correct', /needs the right word/],
  ])('%s is an error, never a phrase', (line, message) => {
    const parsed = parseConsoleLine(line);
    expect(parsed.kind).toBe('invalid');
    expect(parsed.kind === 'invalid' ? parsed.message : '').toMatch(message);
  });
});
