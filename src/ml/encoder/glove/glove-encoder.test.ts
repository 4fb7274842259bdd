import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINI_GLOVE_PATH, tempDataDir } from '../../../../test/fixtures/glove/mini-glove.js';
import { GLOVE_ENCODER_ID, loadGloveEncoder, type GloveEncoder } from './glove-encoder.js';

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return dot / Math.sqrt(na * nb);
}

describe('GloVe encoder (fixture through the production path)', () => {
  let enc: GloveEncoder;
  let cleanup: () => Promise<void>;
  const one = async (p: string) => (await enc.encode([p]))[0]!;

  beforeAll(async () => {
    const tmp = await tempDataDir();
    cleanup = tmp.cleanup;
    enc = await loadGloveEncoder({ dataDir: tmp.dir, sourcePath: MINI_GLOVE_PATH });
  });
  afterAll(() => cleanup());

  it('identifies itself and its dimension', () => {
    expect(enc.id).toBe(GLOVE_ENCODER_ID);
    expect(enc.id).toMatch(/^glove:wink-sg-100d:v\d+$/);
    expect(enc.dim).toBe(100);
    expect(enc.vocabSize).toBe(249);
  });

  it('encodes a single known word as its own vector, in batch order', async () => {
    const [big, cold] = await enc.encode(['Big', 'cold']);
    expect(big).toEqual(enc.vector('big'));
    expect(cold).toEqual(enc.vector('cold'));
  });

  it('drops intensifiers and stop words next to a content word', async () => {
    const big = enc.vector('big')!;
    for (const p of ['very big', 'super big', 'sooo big', 'really, REALLY big!', 'the big', 'quite too big']) {
      const v = await one(p);
      for (let d = 0; d < enc.dim; d++) expect(v[d]).toBeCloseTo(big[d]!, 5);
    }
  });

  it('keeps a phrase made only of stop words', async () => {
    const v = await one('very so');
    expect(v.some((x) => x !== 0)).toBe(true);
  });

  it('averages content words, weighting the rarer one more', async () => {
    const v = await one('fishy smell');
    const [wf, ws] = enc.explain('fishy smell').map((t) => t.weight) as [number, number];
    expect(wf).toBeGreaterThan(ws); // "fishy" is the rarer word
    const fishy = enc.vector('fishy')!;
    const smell = enc.vector('smell')!;
    for (let d = 0; d < enc.dim; d++) expect(v[d]).toBeCloseTo((wf * fishy[d]! + ws * smell[d]!) / (wf + ws), 5);
  });

  it('recovers a hyphenated unknown word from its parts', async () => {
    const v = await one('fishy-smelly');
    const mean = enc.vector('fishy')!.map((x, d) => (x + enc.vector('smelly')![d]!) / 2);
    for (let d = 0; d < enc.dim; d++) expect(v[d]).toBeCloseTo(mean[d]!, 5);
    expect(enc.oov('fishy-smelly')).toEqual(['fishy-smelly']);
  });

  it('recovers derived and British-spelled words from their stem', () => {
    expect(enc.explain('unflavoured')[0]).toMatchObject({ via: 'affix', words: ['flavor'] });
  });

  it('places slang near what it means', async () => {
    const v = await one('very chonky');
    expect(cosine(v, enc.vector('chubby')!)).toBeCloseTo(1, 5);
    expect(cosine(v, enc.vector('fat')!)).toBeGreaterThan(cosine(v, enc.vector('smell')!));
    expect(cosine(await one('smol'), enc.vector('small')!)).toBeCloseTo(1, 5);
  });

  it('reports OOV words once each, in order, whether or not a fallback recovered them', () => {
    expect(enc.oov('very chonky xyzzyq chonky')).toEqual(['chonky', 'xyzzyq']);
    expect(enc.oov('very big')).toEqual([]);
    expect(enc.has('a')).toBe(false); // the wink vocabulary has no single letters
    expect(enc.oov('a bit chonky')).toEqual(['chonky']);
    expect(enc.has('big')).toBe(true);
    expect(enc.has('chonky')).toBe(false);
    expect(enc.vector('chonky')).toBeUndefined();
  });

  it('explains how each token was resolved and weighted', () => {
    const ex = enc.explain('very chonky xyzzyq');
    expect(ex.map((t) => [t.token, t.via, t.words, t.weight > 0])).toEqual([
      ['very', 'exact', ['very'], false],
      ['chonky', 'slang', ['chubby'], true],
      ['xyzzyq', 'oov', [], false],
    ]);
  });

  it('gives a zero vector, never NaN, when nothing is recoverable', async () => {
    for (const p of ['xyzzyq qwrtzp', '', '?!', '   ']) {
      const v = await one(p);
      expect(v).toHaveLength(100);
      expect(v.every((x) => x === 0)).toBe(true);
    }
    expect(enc.oov('xyzzyq qwrtzp')).toEqual(['xyzzyq', 'qwrtzp']);
  });

  it('returns copies: mutating a result does not change the vocabulary', async () => {
    const v = enc.vector('big')!;
    v.fill(0);
    (await one('big')).fill(0);
    expect(enc.vector('big')!.some((x) => x !== 0)).toBe(true);
  });

  it('finds the nearest frequent words of a phrase vector', async () => {
    const hits = enc.nearestWords(await one('very cold'), 3);
    expect(hits[0]?.word).toBe('cold');
  });
});
