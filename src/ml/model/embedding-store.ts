import type { EmbeddingCacheRepo, Encoder } from '../../core/ports.js';

/**
 * Phrase vectors through the database cache: each (encoder, phrase) is encoded once, ever.
 * Without a cache repo it only keeps an in-memory map (the hot prediction path: a database round
 * trip costs more than a GloVe encode).
 */
export interface EmbeddingStore {
  vectors(phrases: readonly string[]): Promise<Float32Array[]>;
}

export function embeddingStore(encoder: Encoder, cache: EmbeddingCacheRepo | null, opts: { memoryLimit?: number } = {}): EmbeddingStore {
  const memory = new Map<string, Float32Array>();
  const limit = opts.memoryLimit ?? 50_000;
  const remember = (phrase: string, v: Float32Array) => {
    if (memory.size >= limit) memory.delete(memory.keys().next().value as string);
    memory.set(phrase, v);
  };
  return {
    async vectors(phrases) {
      const missing = [...new Set(phrases.filter((p) => !memory.has(p)))];
      if (missing.length > 0) {
        const cached = cache ? await cache.getMany(encoder.id, missing) : new Map<string, Float32Array>();
        for (const [p, v] of cached) remember(p, v);
        const toEncode = missing.filter((p) => !cached.has(p));
        if (toEncode.length > 0) {
          const fresh = new Map<string, Float32Array>();
          const encoded = await encoder.encode(toEncode);
          toEncode.forEach((p, i) => {
            const v = encoded[i];
            if (v) fresh.set(p, v);
          });
          if (cache) await cache.putMany(encoder.id, fresh);
          for (const [p, v] of fresh) remember(p, v);
        }
      }
      return phrases.map((p) => memory.get(p) ?? new Float32Array(encoder.dim));
    },
  };
}
