import type { Encoder } from '../../core/ports.js';

/**
 * Wraps an encoder so concurrent `encode` calls arriving within `windowMs` share one batched
 * encoder call (BERT runs a batch of 8 phrases in far less than 8 single-phrase times).
 */
export function microBatched(inner: Encoder, windowMs: number): Encoder {
  if (windowMs <= 0) return inner;
  let queue: { phrases: readonly string[]; resolve: (v: Float32Array[]) => void; reject: (e: unknown) => void }[] = [];
  let timer: NodeJS.Timeout | null = null;

  const flush = () => {
    timer = null;
    const batch = queue;
    queue = [];
    const all = batch.flatMap((b) => b.phrases);
    inner.encode(all).then(
      (vectors) => {
        let at = 0;
        for (const b of batch) {
          b.resolve(vectors.slice(at, at + b.phrases.length));
          at += b.phrases.length;
        }
      },
      (err: unknown) => {
        for (const b of batch) b.reject(err);
      },
    );
  };

  const wrapped: Encoder = {
    id: inner.id,
    dim: inner.dim,
    encode(phrases) {
      return new Promise((resolve, reject) => {
        queue.push({ phrases, resolve, reject });
        timer ??= setTimeout(flush, windowMs);
      });
    },
  };
  if (inner.oov) wrapped.oov = (p) => inner.oov?.(p) ?? [];
  if (inner.dispose) wrapped.dispose = () => inner.dispose?.() ?? Promise.resolve();
  return wrapped;
}
