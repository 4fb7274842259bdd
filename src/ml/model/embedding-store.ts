import type { EmbeddingCacheRepo, Encoder } from '../../core/ports.js';
import { ModelError } from '../../errors.js';

/**
 * Phrase vectors through the database cache: each (encoder, phrase) is encoded once, ever.
 * Without a cache repo it only keeps an in-memory map (the hot prediction path: a database round
 * trip costs more than a GloVe encode).
 */
export interface EmbeddingStore {
  vectors(phrases: readonly string[]): Promise<Float32Array[]>;
}

/**
 * The store over `encoder`. The in-memory map holds at most `memoryLimit` vectors, least recently
 * used evicted first; a call's answer is assembled from its own batch, so eviction while a batch
 * is being filled (more phrases than the limit) can never turn one of its vectors into zeros.
 *
 * @throws ModelError when the encoder returns no vector for a phrase (never a made-up one).
 */
export function embeddingStore(encoder: Encoder, cache: EmbeddingCacheRepo | null, opts: { memoryLimit?: number } = {}): EmbeddingStore {
  const memory = new Map<string, Float32Array>();
  const limit = Math.max(1, opts.memoryLimit ?? 50_000);
  const remember = (phrase: string, v: Float32Array) => {
    memory.delete(phrase);
    if (memory.size >= limit) memory.delete(memory.keys().next().value as string);
    memory.set(phrase, v);
  };
  return {
    async vectors(phrases) {
      const batch = new Map<string, Float32Array>();
      for (const p of phrases) {
        const v = memory.get(p);
        if (v && !batch.has(p)) {
          batch.set(p, v);
          // Re-inserted: most recently used last.
          remember(p, v);
        }
      }
      const missing = [...new Set(phrases.filter((p) => !batch.has(p)))];
      if (missing.length > 0) {
        const cached = cache ? await cache.getMany(encoder.id, missing) : new Map<string, Float32Array>();
        for (const [p, v] of cached) batch.set(p, v);
        const toEncode = missing.filter((p) => !cached.has(p));
        if (toEncode.length > 0) {
          const fresh = new Map<string, Float32Array>();
          const encoded = await encoder.encode(toEncode);
          toEncode.forEach((p, i) => {
            const v = encoded[i];
            if (v) fresh.set(p, v);
          });
          if (cache && fresh.size > 0) await cache.putMany(encoder.id, fresh);
          for (const [p, v] of fresh) batch.set(p, v);
        }
        for (const p of missing) {
          const v = batch.get(p);
          if (v) remember(p, v);
        }
      }
      return phrases.map((p) => {
        const v = batch.get(p);
        if (!v) throw new ModelError('encoder.unavailable', `The encoder returned no vector for “${p}”.`);
        return v;
      });
    },
  };
}
