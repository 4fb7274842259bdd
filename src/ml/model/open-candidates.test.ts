import { describe, expect, it } from 'vitest';
import type { Encoder } from '../../core/ports.js';
import { embeddingStore } from './embedding-store.js';
import { phraseCandidates, withoutOwnWords, type CandidateSource } from './open-candidates.js';

describe('withoutOwnWords', () => {
  it('drops a noun spelled like a word of the phrase unless it is a class', () => {
    expect(withoutOwnWords('valuable', ['valuable', 'value', 'valuableness'], new Set())).toEqual(['value', 'valuableness']);
    expect(withoutOwnWords('very Smart', ['smart', 'smartness'], new Set())).toEqual(['smartness']);
    expect(withoutOwnWords('cold', ['cold', 'coldness'], new Set(['cold']))).toEqual(['cold', 'coldness']);
  });
});

describe('phraseCandidates', () => {
  const encoder: Encoder = { id: 'ones', dim: 2, encode: (phrases) => Promise.resolve(phrases.map(() => Float32Array.from([1, 0]))) };
  const source: CandidateSource = { candidates: (p) => ({ valuable: ['valuable', 'value'], cold: ['cold', 'coldness'] })[p] ?? [] };

  it('offers a phrase its derived nouns, never its own word as an open label', async () => {
    const [valuable, cold] = await phraseCandidates(source, ['valuable', 'cold'], new Set(['cold']), embeddingStore(encoder, null), new Float32Array(2));
    expect(valuable?.labels).toEqual(['value']);
    expect([...(valuable?.open.keys() ?? [])]).toEqual(['value']);
    expect(cold?.labels).toEqual(['cold', 'coldness']);
  });

  it("carries the source's ignored words, and none where there are none", async () => {
    const ignoring: CandidateSource = { ...source, ignoredWords: (p) => (p === 'cold stove' ? ['stove'] : []) };
    const [stove, cold] = await phraseCandidates(ignoring, ['cold stove', 'cold'], new Set(['cold']), embeddingStore(encoder, null), new Float32Array(2));
    expect(stove?.ignored).toEqual(['stove']);
    expect(cold?.ignored).toBeUndefined();
  });
});
