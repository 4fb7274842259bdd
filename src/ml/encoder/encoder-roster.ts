import type { Encoder } from '../../core/ports.js';
import type { Logger } from '../../logger.js';
import type { EncoderLoaders, SelectedEncoder } from './select-encoder.js';

/**
 * The encoders one process can run: the selected one, and the other kind when it can be loaded
 * here without a download (GloVe always; BERT only from `MODEL_DIR` or the model cache). The other
 * one is loaded only to compare the new encoder's first model with the other encoder's active
 * model, or to keep answering with that model when the new one lost.
 */
export interface EncoderRoster {
  readonly selected: Encoder;
  /** Why the selected encoder runs when `ENCODER=auto` could not load BERT; null otherwise. */
  readonly fallback: string | null;
  /** The encoder with this id if this process can run it, loaded once; null if it cannot. */
  get(encoderId: string): Promise<Encoder | null>;
  /** Disposes a loaded encoder other than the selected one (it is loaded again when asked for). */
  release(encoderId: string): Promise<void>;
  /** Disposes every loaded encoder. */
  dispose(): Promise<void>;
}

/** The roster over `selected` and the configured loaders. */
export function encoderRoster(selected: SelectedEncoder, loaders: EncoderLoaders, logger: Logger): EncoderRoster {
  const loaded = new Map<string, Promise<Encoder | null>>();
  async function load(encoderId: string): Promise<Encoder | null> {
    // Only BERT can be unloadable here: `auto` already failed to load it, so it is not retried.
    const loader = encoderId.startsWith('glove:') ? loaders.glove : encoderId.startsWith('bert:') && selected.fallback === null ? loaders.localBert : null;
    if (!loader) return null;
    try {
      const encoder = await loader();
      if (encoder.id === encoderId) return encoder;
      logger.info({ wanted: encoderId, got: encoder.id }, 'the other encoder loads, but as a different model');
      await encoder.dispose?.();
      return null;
    } catch (err) {
      logger.info({ encoder: encoderId, err }, 'the other encoder cannot be loaded here');
      return null;
    }
  }
  return {
    selected: selected.encoder,
    fallback: selected.fallback,
    get(encoderId) {
      if (encoderId === selected.encoder.id) return Promise.resolve(selected.encoder);
      let found = loaded.get(encoderId);
      if (!found) {
        found = load(encoderId);
        loaded.set(encoderId, found);
      }
      return found;
    },
    async release(encoderId) {
      const found = loaded.get(encoderId);
      loaded.delete(encoderId);
      await (await found)?.dispose?.();
    },
    async dispose() {
      const all = [...loaded.values()];
      loaded.clear();
      for (const e of await Promise.all(all)) await e?.dispose?.();
      await selected.encoder.dispose?.();
    },
  };
}
