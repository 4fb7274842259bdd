import type { Config } from '../../config/config.js';
import type { Encoder } from '../../core/ports.js';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { loadBertEncoder } from './bert-encoder.js';
import { loadGloveEncoder } from './glove/glove-encoder.js';

/** The encoder `ENCODER` selects, and why it runs when `auto` could not load BERT. */
export interface SelectedEncoder {
  encoder: Encoder;
  /** e.g. "ENCODER=auto could not load bert (…)"; null when the configured choice loaded. */
  fallback: string | null;
}

/** How this process loads each kind of encoder (the other one is loaded only to compare or answer). */
export interface EncoderLoaders {
  glove: () => Promise<Encoder>;
  /** BERT as configured, never downloading: only a local `MODEL_DIR` or an already cached model. */
  localBert: () => Promise<Encoder>;
}

/** The loaders {@link selectEncoder} and the encoder roster use, from the configuration. */
export function encoderLoaders(config: Config, logger: Logger): EncoderLoaders & { bert: () => Promise<Encoder> } {
  const e = config.encoder;
  const bert = (allowRemote: boolean) =>
    loadBertEncoder({
      model: e.bertModel,
      ...(e.modelDir ? { modelDir: e.modelDir } : {}),
      cacheDir: e.cacheDir,
      pooling: e.pooling,
      dtype: e.dtype,
      allowRemote,
      onProgress: (p) => {
        if (p.total > 0 && p.loaded === p.total) logger.info({ file: p.file, bytes: p.total }, 'downloaded model file');
      },
    });
  return {
    glove: () =>
      loadGloveEncoder({
        dataDir: config.dataDir,
        ...(e.gloveSource ? { sourcePath: e.gloveSource } : {}),
        onProgress: (msg) => logger.info(msg),
      }),
    bert: () => bert(e.allowRemote),
    localBert: () => bert(false),
  };
}

/**
 * `ENCODER=auto`: BERT when its model loads, otherwise GloVe, saying in one line which runs and
 * why (and returning that line, for `status`). `bert` and `glove` are strict.
 */
export async function selectEncoderWithReason(config: Config, logger: Logger): Promise<SelectedEncoder> {
  const kind = config.encoder.kind;
  const load = encoderLoaders(config, logger);
  if (kind === 'glove') return { encoder: await load.glove(), fallback: null };
  if (kind === 'bert') return { encoder: await load.bert(), fallback: null };
  try {
    const encoder = await load.bert();
    logger.info({ encoder: encoder.id }, 'encoder: BERT');
    return { encoder, fallback: null };
  } catch (err) {
    const why = err instanceof AppError ? err.message : String(err);
    logger.warn(`encoder: GloVe, because BERT is unavailable (${why})`);
    return { encoder: await load.glove(), fallback: `ENCODER=auto could not load bert (${why})` };
  }
}

/** {@link selectEncoderWithReason}'s encoder alone. */
export async function selectEncoder(config: Config, logger: Logger): Promise<Encoder> {
  return (await selectEncoderWithReason(config, logger)).encoder;
}
