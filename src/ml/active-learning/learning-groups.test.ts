import { describe, expect, it } from 'vitest';
import { buildLearningGroups, splitGroup, type AdjectiveSense, type GroupOptions } from './learning-groups.js';

const senses: Record<string, AdjectiveSense[]> = {
  cold: [
    { lemmas: ['cold'], labels: ['temperature'] },
    { lemmas: ['cold', 'frigid', 'frosty', 'stone-cold'], labels: ['emotionality'] },
  ],
  frigid: [{ lemmas: ['cold', 'frigid', 'frosty', 'stone-cold'], labels: ['emotionality'] }],
  big: [{ lemmas: ['big', 'large'], labels: ['size'] }],
  large: [{ lemmas: ['big', 'large'], labels: ['size'] }],
};
const vocabulary = new Set(['cold', 'colder', 'coldest', 'frigid', 'frosty', 'big', 'bigger', 'biggest', 'large', 'very', 'so', 'super']);
const opts: GroupOptions = { sensesOf: (l) => senses[l] ?? [], known: (w) => vocabulary.has(w) };

describe('buildLearningGroups', () => {
  it('groups eval phrases by the sense of their head adjective that their labels agree with', () => {
    const groups = buildLearningGroups(
      [
        { phrase: 'cold beer', labels: ['temperature'] },
        { phrase: 'cold greeting', labels: ['emotionality'] },
        { phrase: 'kinda big', labels: ['size', 'bigness'] },
      ],
      opts,
    );
    expect(groups.map((g) => g.key)).toEqual(['big#0', 'cold#0', 'cold#1']);
    const temperature = groups.find((g) => g.key === 'cold#0');
    expect(temperature?.members.map((m) => [m.phrase, m.kind])).toEqual([
      ['cold beer', 'eval'],
      ['cold', 'word'],
      ['very cold', 'intensified'],
      ['so cold', 'intensified'],
      ['super cold', 'intensified'],
      ['colder', 'inflected'],
      ['coldest', 'inflected'],
    ]);
    // The emotional sense's group gets that sense's synonyms (known to the encoder) and no phrase twice.
    const emotion = groups.find((g) => g.key === 'cold#1');
    expect(emotion?.members.map((m) => m.phrase)).toEqual(['cold greeting', 'frigid', 'frosty']);
    expect(emotion?.members.every((m) => m.labels.includes('emotionality'))).toBe(true);
    const big = groups.find((g) => g.key === 'big#0');
    expect(big?.members.find((m) => m.phrase === 'large')).toEqual({ phrase: 'large', labels: ['size', 'bigness'], kind: 'synonym' });
  });

  it('drops phrases WordNet cannot place and groups with a single phrase', () => {
    const groups = buildLearningGroups(
      [
        { phrase: 'smol', labels: ['size'] },
        { phrase: 'cold beer', labels: ['taste'] },
      ],
      { ...opts, known: () => false },
    );
    expect(groups).toEqual([]);
  });
});

describe('splitGroup', () => {
  const [group] = buildLearningGroups([{ phrase: 'cold beer', labels: ['temperature'] }], opts);

  it('teaches half of a group and measures the other, disjointly and repeatably', () => {
    if (!group) throw new Error('no group');
    const a = splitGroup(group, 1);
    expect(a.taught.length).toBe(Math.floor(group.members.length / 2));
    expect(a.taught.length + a.untaught.length).toBe(group.members.length);
    const taught = new Set(a.taught.map((m) => m.phrase));
    expect(a.untaught.some((m) => taught.has(m.phrase))).toBe(false);
    expect(splitGroup(group, 1)).toEqual(a);
    const reordered = { ...group, members: [...group.members].reverse() };
    expect(splitGroup(reordered, 1)).toEqual(a);
  });

  it('draws a different half with another seed', () => {
    if (!group) throw new Error('no group');
    const halves = new Set([1, 2, 3, 4, 5].map((s) => splitGroup(group, s).taught.map((m) => m.phrase).sort().join('|')));
    expect(halves.size).toBeGreaterThan(1);
  });
});
