import { describe, expect, it } from 'vitest';
import { functionWords, loadDegreeAdverbs } from './degree-adverbs.js';

const nouns = new Set(['dog', 'noise']);
const namesThing = (w: string) => nouns.has(w);

describe('loadDegreeAdverbs', () => {
  it("reads WordNet's adverbs of degree of several words, not other multi-word adverbs", async () => {
    const adverbs = (await loadDegreeAdverbs()).map((a) => a.join(' '));
    expect(adverbs).toEqual(expect.arrayContaining(['a little', 'kind of', 'sort of', 'a lot', 'pretty much', 'at all']));
    for (const other of ['at full speed', 'by hand', 'in cold blood', 'on time']) expect(adverbs).not.toContain(other);
  });
});

describe('functionWords', () => {
  const adverbs = [['a', 'little'], ['kind', 'of'], ['a', 'lot']];

  it("marks stop words and a degree adverb's words", () => {
    expect(functionWords(['a', 'little', 'wimpy'], adverbs, namesThing)).toEqual([true, true, false]);
    expect(functionWords(['kind', 'of', 'shy'], adverbs, namesThing)).toEqual([true, true, false]);
    expect(functionWords(['a', 'little', 'too', 'loud'], adverbs, namesThing)).toEqual([true, true, true, false]);
    expect(functionWords(['costs', 'a', 'lot'], adverbs, namesThing)).toEqual([false, true, true]);
  });

  it('keeps the words of an article and an adjective before a noun, and content words elsewhere', () => {
    expect(functionWords(['a', 'little', 'dog'], adverbs, namesThing)).toEqual([true, false, false]);
    expect(functionWords(['little', 'kind', 'dog'], adverbs, namesThing)).toEqual([false, false, false]);
  });
});
