import { beforeAll, describe, expect, it } from 'vitest';
import { MINI_GLOVE_PATH } from '../../../../test/fixtures/glove/mini-glove.js';
import { SpellingIndex } from './fallback-spelling.js';
import { GloveVocab } from './glove-vocab.js';
import { readWinkJson } from './wink-json-reader.js';
import { WordResolver } from './word-resolver.js';

describe('WordResolver', () => {
  let resolver: WordResolver;
  let vocab: GloveVocab;
  beforeAll(async () => {
    vocab = new GloveVocab(await readWinkJson(MINI_GLOVE_PATH));
    resolver = new WordResolver(vocab, () => new SpellingIndex(vocab.words));
  });

  const resolve = (t: string) => {
    const r = resolver.resolve(t);
    return { via: r.via, words: r.words };
  };

  it('resolves known words exactly', () => {
    expect(resolve('size')).toEqual({ via: 'exact', words: ['size'] });
    expect(resolve('well-known')).toEqual({ via: 'exact', words: ['well-known'] });
  });

  it('maps stretched spellings to their most frequent collapse, even when the stretch is known', () => {
    expect(vocab.rank('sooo')).toBeDefined();
    expect(resolve('sooo')).toEqual({ via: 'repeat', words: ['so'] });
    expect(resolve('hottt')).toEqual({ via: 'repeat', words: ['hot'] });
    expect(resolver.resolve('sooo').stop).toBe(true);
  });

  it('uses the slang table, also through stretching', () => {
    expect(resolve('smol')).toEqual({ via: 'slang', words: ['small'] });
    expect(resolve('smolll')).toEqual({ via: 'slang', words: ['small'] });
  });

  it('strips apostrophe clitics', () => {
    expect(resolve("cat's")).toEqual({ via: 'apostrophe', words: ['cat'] });
  });

  it('closes up or splits unknown hyphen compounds, dropping intensifier parts', () => {
    expect(resolve('e-mail')).toEqual({ via: 'exact', words: ['e-mail'] });
    expect(resolve('fishy-smelly')).toEqual({ via: 'hyphen', words: ['fishy', 'smelly'] });
    expect(resolve('super-fishy')).toEqual({ via: 'hyphen', words: ['fishy'] });
    expect(resolve('super-chonky')).toEqual({ via: 'hyphen', words: ['chubby'] });
    expect(resolver.resolve('super-fishy').confidence).toBeLessThan(1);
  });

  it('falls back to a spelling neighbour, trusted less', () => {
    const r = resolver.resolve('cheeze');
    expect(r).toMatchObject({ via: 'spelling', words: ['cheese'] });
    expect(r.confidence).toBeLessThan(resolver.resolve('cheese').confidence);
  });

  it('gives up on noise', () => {
    expect(resolver.resolve('xyzzyq')).toMatchObject({ via: 'oov', words: [], ranks: [], confidence: 0 });
  });
});
