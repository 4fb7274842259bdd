import type { Config } from '../../config/config.js';
import type { Encoder } from '../../core/ports.js';
import { AppError } from '../../errors.js';
import type { Logger } from '../../logger.js';
import { loadBertEncoder } from './bert-encoder.js';
import { loadGloveEncoder } from './glove/glove-encoder.js';

/**
 * `ENCODER=auto`: BERT when its model loads, otherwise GloVe, saying in one line which runs and
 * why. `bert` and `glove` are strict.
 */
export async function selectEncoder(config: Config, logger: Logger): Promise<Encoder> {
  const e = config.encoder;
  const glove = () =>
    loadGloveEncoder({
      dataDir: config.dataDir,
      ...(e.gloveSource ? { sourcePath: e.gloveSource } : {}),
      onProgress: (msg) => logger.info(msg),
    });
  if (e.kind === 'glove') return glove();
  const bert = () =>
    loadBertEncoder({
      model: e.bertModel,
      ...(e.modelDir ? { modelDir: e.modelDir } : {}),
      cacheDir: e.cacheDir,
      pooling: e.pooling,
      dtype: e.dtype,
      allowRemote: e.allowRemote,
      onProgress: (p) => {
        if (p.total > 0 && p.loaded === p.total) logger.info({ file: p.file, bytes: p.total }, 'downloaded model file');
      },
    });
  if (e.kind === 'bert') return bert();
  try {
    const encoder = await bert();
    logger.info({ encoder: encoder.id }, 'encoder: BERT');
    return encoder;
  } catch (err) {
    const why = err instanceof AppError ? err.message : String(err);
    logger.warn(`encoder: GloVe, because BERT is unavailable (${why})`);
    return glove();
  }
}
