import { describe, expect, it } from 'vitest';
import { JsonStream, JsonStreamError, type JsonHandler } from './json-stream.js';

/** Rebuilds the parsed value from events, to compare with JSON.parse. */
function collect(): JsonHandler & { result: () => unknown } {
  const stack: (unknown[] | Record<string, unknown>)[] = [];
  const keys: string[] = [];
  let root: unknown;
  const put = (v: unknown) => {
    const top = stack[stack.length - 1];
    if (!top) root = v;
    else if (Array.isArray(top)) top.push(v);
    else top[keys.pop()!] = v;
  };
  return {
    open: (kind) => {
      const c = kind === 'array' ? [] : {};
      put(c);
      stack.push(c);
    },
    close: () => void stack.pop(),
    key: (k) => void keys.push(k),
    value: put,
    result: () => root,
  };
}

function parseInChunks(text: string, size: number): unknown {
  const h = collect();
  const p = new JsonStream(h);
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += size) p.write(bytes.subarray(i, i + size));
  p.end();
  return h.result();
}

const SAMPLE = JSON.stringify({
  a: [1, -2.5, 0.000123, 1e-7, -3.25e10, 1234567890123456, 0],
  s: ['plain', 'esc "q" \\ \n \u00e9', 'caf\u00e9 ☕'],
  lit: [true, false, null],
  nested: { x: { y: [[], {}] } },
});

describe('JsonStream', () => {
  it('matches JSON.parse for any chunk size, including 1-byte chunks', () => {
    for (const size of [1, 2, 3, 7, 64, 1 << 20]) expect(parseInChunks(SAMPLE, size)).toEqual(JSON.parse(SAMPLE));
  });

  it('parses numbers exactly like JSON.parse', () => {
    const nums = [-0.51058, 0.8278, 5.821154, 2.95153011, -0.0001, 123, -7, 0.1, 1.0000001];
    expect(parseInChunks(JSON.stringify(nums), 5)).toEqual(nums);
  });

  it('falls back to exact parsing for long mantissas and exponents', () => {
    const text = '[12345678901234567890, 1.2345678901234567, 1e-30, 2E+5]';
    expect(parseInChunks(text, 3)).toEqual(JSON.parse(text));
  });

  it('rejects truncated input', () => {
    expect(() => parseInChunks('{"a":[1,2', 4)).toThrow(JsonStreamError);
    expect(() => parseInChunks('{"a":"unterminated', 4)).toThrow(JsonStreamError);
  });

  it('rejects malformed input with the byte offset', () => {
    expect(() => parseInChunks('{"a" 1}', 100)).toThrow(/unexpected value at byte 5/);
    expect(() => parseInChunks('[1,]', 100)).toThrow(JsonStreamError);
    expect(() => parseInChunks('[1 2]', 100)).toThrow(JsonStreamError);
    expect(() => parseInChunks('{"a":1]', 100)).toThrow(JsonStreamError);
    expect(() => parseInChunks('[nope]', 100)).toThrow(JsonStreamError);
    expect(() => parseInChunks('[1-2]', 100)).toThrow(/malformed number/);
  });
});
