import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildAttributeSeed } from './attribute-seed.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/wordnet', import.meta.url));

describe('buildAttributeSeed', () => {
  it('labels adjectives with their attribute lemmas and spreads them to satellites', async () => {
    const seed = await buildAttributeSeed({ exclude: new Set(), dir });
    expect(seed.map(({ phrase, labels }) => ({ phrase, labels }))).toEqual([
      { phrase: 'able', labels: ['ability', 'power'] },
      { phrase: 'baking', labels: ['temperature'] },
      { phrase: 'baking hot', labels: ['temperature'] },
      { phrase: 'blistering', labels: ['temperature'] },
      { phrase: 'blistery', labels: ['temperature'] },
      { phrase: 'cold', labels: ['temperature'] },
      { phrase: 'hot', labels: ['temperature', 'emotionality', 'emotionalism'] },
    ]);
  });

  it("weighs an adjective's frequent senses more than its rare ones", async () => {
    const seed = await buildAttributeSeed({ exclude: new Set(), dir });
    const hot = seed.find((e) => e.phrase === 'hot');
    // temperature is hot's first sense, emotionality its third: 1 against 0.5² spread over two lemmas.
    expect(hot?.weights[0]).toBeCloseTo(0.8);
    expect(hot?.weights[1]).toBeCloseTo(0.1);
    expect(hot?.weights[2]).toBeCloseTo(0.1);
    // One synset's labels share its weight evenly.
    expect(seed.find((e) => e.phrase === 'able')?.weights).toEqual([0.5, 0.5]);
    for (const e of seed) expect(e.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
  });

  it('leaves out adjectives without an attribute and satellites whose head has none', async () => {
    const phrases = (await buildAttributeSeed({ exclude: new Set(), dir })).map((e) => e.phrase);
    expect(phrases).not.toContain('dangerous');
    expect(phrases).not.toContain('galore');
  });

  it('drops excluded phrases', async () => {
    const seed = await buildAttributeSeed({ exclude: new Set(['hot', 'baking hot']), dir });
    expect(seed.map((e) => e.phrase)).toEqual(['able', 'baking', 'blistering', 'blistery', 'cold']);
  });
});
