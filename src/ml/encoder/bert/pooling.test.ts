import { describe, expect, it } from 'vitest';
import { pool } from './pooling.js';

// Two sequences of length 3, hidden 2: row 0 has 2 real tokens, row 1 has 3.
const hidden = Float32Array.from([1, 2, 3, 4, 100, 100, 5, 6, 7, 8, 9, 10]);

describe('pool', () => {
  it('cls takes position 0 of each row', () => {
    expect(pool(hidden, [2, 3, 2], [2, 3], 'cls').map((v) => [...v])).toEqual([
      [1, 2],
      [5, 6],
    ]);
  });

  it('mean averages the real tokens only', () => {
    expect(pool(hidden, [2, 3, 2], [2, 3], 'mean').map((v) => [...v])).toEqual([
      [2, 3],
      [7, 8],
    ]);
  });
});
