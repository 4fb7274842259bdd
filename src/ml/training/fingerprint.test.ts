import { describe, expect, it } from 'vitest';
import type { Example } from '../../core/types.js';
import { FEATURES } from '../model/features.js';
import { dataFingerprint } from './fingerprint.js';

const examples: Example[] = [
  { phrase: 'hefty', label: 'weight', source: 'wordnet', weight: 1 },
  { phrase: 'very chonky', label: 'size', source: 'user', weight: 1 },
];

describe('dataFingerprint', () => {
  it('is equal for equal data, and changes with the data', () => {
    expect(dataFingerprint(examples, [])).toBe(dataFingerprint([...examples], []));
    expect(dataFingerprint(examples.slice(0, 1), [])).not.toBe(dataFingerprint(examples, []));
  });

  it("changes with the scorer's features, so a release with a new feature retrains instead of skipping", () => {
    const earlier = FEATURES.filter((f) => f !== 'gloss');
    expect(dataFingerprint(examples, [], earlier)).not.toBe(dataFingerprint(examples, []));
  });
});
