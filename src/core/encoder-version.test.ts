import { describe, expect, it } from 'vitest';
import { supersedes } from './encoder-version.js';

describe('supersedes', () => {
  it('is true for a later version of the same encoder only', () => {
    expect(supersedes('glove:wink-sg-100d:v2', 'glove:wink-sg-100d:v1')).toBe(true);
    expect(supersedes('glove:wink-sg-100d:v10', 'glove:wink-sg-100d:v9')).toBe(true);
    expect(supersedes('glove:wink-sg-100d:v1', 'glove:wink-sg-100d:v2')).toBe(false);
    expect(supersedes('glove:wink-sg-100d:v2', 'glove:wink-sg-100d:v2')).toBe(false);
  });

  it('never relates different encoders or ids without a version', () => {
    expect(supersedes('glove:wink-sg-100d:v2', 'glove:other-300d:v1')).toBe(false);
    expect(supersedes('glove:wink-sg-100d:v2', 'bert:Xenova/bert-base-uncased:cls:fp32')).toBe(false);
    expect(supersedes('bert:Xenova/bert-base-uncased:cls:fp32', 'glove:wink-sg-100d:v1')).toBe(false);
  });
});
