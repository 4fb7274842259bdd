import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildAttributeSeed } from './attribute-seed.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/wordnet', import.meta.url));

describe('buildAttributeSeed', () => {
  it('labels adjectives with their attribute lemmas and spreads them to satellites', async () => {
    const seed = await buildAttributeSeed({ exclude: new Set(), dir });
    expect(seed).toEqual([
      { phrase: 'able', labels: ['ability', 'power'] },
      { phrase: 'baking', labels: ['temperature'] },
      { phrase: 'baking hot', labels: ['temperature'] },
      { phrase: 'blistering', labels: ['temperature'] },
      { phrase: 'blistery', labels: ['temperature'] },
      { phrase: 'cold', labels: ['temperature'] },
      { phrase: 'hot', labels: ['temperature', 'emotionality', 'emotionalism'] },
    ]);
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
