import { describe, expect, it } from 'vitest';
import { slangMeaning } from './fallback-slang.js';

describe('slangMeaning', () => {
  it('maps common slang to a standard word', () => {
    expect(slangMeaning('smol')).toBe('small');
    expect(slangMeaning('chonky')).toBe('chubby');
    expect(slangMeaning('spendy')).toBe('expensive');
    expect(slangMeaning('doggo')).toBe('dog');
  });

  it('knows nothing else, including inherited object keys', () => {
    expect(slangMeaning('size')).toBeUndefined();
    expect(slangMeaning('constructor')).toBeUndefined();
  });
});
