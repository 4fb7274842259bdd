import { describe, expect, it } from 'vitest';
import { isDatabaseOnly } from './wasm-tiering.js';

describe('isDatabaseOnly: the commands that keep wasm on the baseline compiler', () => {
  it('is the model registry and the migrations', () => {
    expect(isDatabaseOnly(['models', 'list'])).toBe(true);
    expect(isDatabaseOnly(['db', 'status'])).toBe(true);
  });

  it('is not the bot, training, predictions, imports or no command at all', () => {
    for (const argv of [['start'], ['train'], ['predict', 'chonky'], ['import', 'x.jsonl'], ['seed', 'wordnet'], []]) {
      expect(isDatabaseOnly(argv)).toBe(false);
    }
  });
});
