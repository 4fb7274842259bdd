import { describe, expect, it } from 'vitest';
import { classesFromAliases, classTarget, groupLabels, mergeNamedByWord } from './label-classes.js';

const t = (...pairs: [string, number][]) => ({ target: new Map(pairs) });

describe('groupLabels', () => {
  it('merges labels that always come together and names the class by its first single word', () => {
    const classes = groupLabels([
      t(['olfactory property', 1 / 3], ['smell', 1 / 3], ['odor', 1 / 3]),
      t(['olfactory property', 0.5], ['smell', 0.5]),
      t(['size', 1]),
    ]);
    expect(classes.names).toEqual(['odor', 'size', 'smell']);
    expect(classes.aliases[2]).toEqual(['smell', 'olfactory property']);
    expect(classes.index.get('olfactory property')).toBe(2);
  });

  it('keeps labels apart as soon as one phrase tells them apart (a vote for one of them)', () => {
    const together = groupLabels([t(['temperature', 0.5], ['heat', 0.5])]);
    expect(together.names).toEqual(['temperature']);
    const apart = groupLabels([t(['temperature', 0.5], ['heat', 0.5]), t(['heat', 1])]);
    expect(apart.names).toEqual(['heat', 'temperature']);
  });

  it('sums a phrase target per class and rebuilds classes from stored aliases', () => {
    const classes = classesFromAliases([['fear', 'fright'], ['size']]);
    expect([...classTarget(new Map([['fear', 0.25], ['fright', 0.25], ['size', 0.5], ['unknown', 1]]), classes)]).toEqual([
      [0, 0.5],
      [1, 0.5],
    ]);
  });

  it('a class of WordNet terms only joins the class named by its head word (body weight → weight, not taste property → taste)', () => {
    const merged = mergeNamedByWord([['body weight'], ['body', 'consistency'], ['weight'], ['taste property'], ['taste'], ['financial condition']]);
    expect(merged).toEqual([['body', 'consistency'], ['weight', 'body weight'], ['taste property'], ['taste'], ['financial condition']]);
  });
});
