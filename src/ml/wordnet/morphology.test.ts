import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildMorphology } from './morphology.js';

const dir = fileURLToPath(new URL('../../../test/fixtures/wordnet', import.meta.url));

describe('buildMorphology', () => {
  it('puts lookup nouns first, then suffix-rule nouns', async () => {
    const morphology = await buildMorphology({ exclude: new Set(), dir });
    expect(morphology.rules[0]).toEqual({ strip: '', add: 'ness', count: 3 });
    expect(morphology.nounCandidates('Dangerous')).toEqual(['danger', 'dangerousness']);
  });

  it('still proposes rule nouns for an excluded adjective, but not its lookup', async () => {
    const morphology = await buildMorphology({ exclude: new Set(['hot']), dir });
    expect(morphology.index.derivedNouns('hot')).toEqual([]);
    expect(morphology.nounCandidates('hot')).toEqual(['hotness']);
  });
});
