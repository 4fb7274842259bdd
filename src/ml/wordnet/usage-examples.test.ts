import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MAX_EXAMPLE_WORDS, readUsageExamples } from './usage-examples.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/wordnet', import.meta.url));

describe('readUsageExamples', () => {
  it("labels each quoted example with its own synset's attributes", async () => {
    const examples = await readUsageExamples({ exclude: new Set(), dir });
    const labels = (phrase: string) => examples.find((e) => e.phrase === phrase)?.labels;
    expect(labels('hot stove')).toEqual(['temperature']);
    // The same word, another sense: hot's third synset is about emotion.
    expect(labels('a hot temper')).toEqual(['emotionality', 'emotionalism']);
    // A satellite's examples get its head's labels, as in the seed.
    expect(labels('blistering sun')).toEqual(['temperature']);
  });

  it('keeps phrases of two to four words that use one of the synset\'s words, without punctuation', async () => {
    const examples = await readUsageExamples({ exclude: new Set(), dir });
    for (const e of examples) {
      const words = e.phrase.split(' ');
      expect(words.length).toBeGreaterThanOrEqual(2);
      expect(words.length).toBeLessThanOrEqual(MAX_EXAMPLE_WORDS);
      expect(e.phrase).not.toMatch(/[.,;!?"]/);
    }
    expect(examples.map((e) => e.phrase)).not.toContain('she was able to program her computer');
    expect(examples.map((e) => e.phrase)).toContain('able to swim');
  });

  it('drops every example with an excluded word or phrase', async () => {
    const examples = await readUsageExamples({ exclude: new Set(['hot', 'cold fingers']), dir });
    const phrases = examples.map((e) => e.phrase);
    expect(phrases.some((p) => p.split(' ').includes('hot'))).toBe(false);
    expect(phrases).not.toContain('cold fingers');
    expect(phrases).toContain('a cold room');
  });
});
