import { describe, expect, it } from 'vitest';
import { parseJsonNumber } from './json-number.js';

const parse = (text: string) => parseJsonNumber(Buffer.from(text, 'latin1'), 0, text.length);

describe('parseJsonNumber', () => {
  it('agrees exactly with Number() on the fast path and on fallbacks', () => {
    for (const t of ['0', '-0.51058', '2.95153011', '0.000123', '123456789012345', '1234567890123456789', '1e-7', '-3.25E+10', '0.1']) {
      expect(parse(t), t).toBe(Number(t));
    }
  });

  it('gives NaN for malformed numbers', () => {
    expect(parse('-')).toBeNaN();
    expect(parse('1-2')).toBeNaN();
    expect(parse('.')).toBeNaN();
  });
});
