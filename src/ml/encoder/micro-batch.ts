import type { Encoder } from '../../core/ports.js';

interface Waiting {
  readonly phrases: readonly string[];
  readonly resolve: (v: Float32Array[]) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * Wraps an encoder so concurrent `encode` calls share batched encoder calls (BERT runs a batch of
 * 8 phrases in far less than 8 single-phrase times) without delaying a lone request: a call that
 * finds the encoder idle starts on the next turn of the event loop (together with any call made in
 * the same turn); calls arriving while the encoder is busy wait for it and then go as one batch.
 * A fixed wait (the old `windowMs` timer) added its whole length to every single prediction, so
 * `windowMs` now only switches batching on (> 0) or off.
 */
export function microBatched(inner: Encoder, windowMs: number): Encoder {
  if (windowMs <= 0) return inner;
  let queue: Waiting[] = [];
  let scheduled = false;
  let running = false;

  const schedule = () => {
    if (scheduled || running || queue.length === 0) return;
    scheduled = true;
    setImmediate(flush);
  };

  const settle = (batch: readonly Waiting[], vectors: Float32Array[] | null, err: unknown) => {
    running = false;
    let at = 0;
    for (const b of batch) {
      if (vectors === null) b.reject(err);
      else b.resolve(vectors.slice(at, at + b.phrases.length));
      at += b.phrases.length;
    }
    schedule();
  };

  function flush() {
    scheduled = false;
    const batch = queue;
    queue = [];
    running = true;
    let pending: Promise<Float32Array[]>;
    try {
      pending = inner.encode(batch.flatMap((b) => b.phrases));
    } catch (err) {
      settle(batch, null, err);
      return;
    }
    pending.then(
      (vectors) => settle(batch, vectors, null),
      (err: unknown) => settle(batch, null, err),
    );
  }

  const wrapped: Encoder = {
    id: inner.id,
    dim: inner.dim,
    encode(phrases) {
      return new Promise((resolve, reject) => {
        queue.push({ phrases, resolve, reject });
        schedule();
      });
    },
  };
  if (inner.oov) wrapped.oov = (p) => inner.oov?.(p) ?? [];
  if (inner.dispose) wrapped.dispose = () => inner.dispose?.() ?? Promise.resolve();
  return wrapped;
}
