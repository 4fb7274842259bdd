/**
 * The BERT encoder: a transformers.js tokenizer and ONNX model, pooled to one vector per phrase
 * from `last_hidden_state` ([CLS] position or mask-aware mean), run in length-sorted batches.
 */
import path from 'node:path';
import { Tensor } from '@huggingface/transformers';
import type { Encoder } from '../../core/ports.js';
import { ModelError } from '../../errors.js';
import { makeBatches, truncateIds } from './bert/batching.js';
import { loadBert, type LoadProgress } from './bert/load-model.js';
import { assertModelDir, bertEncoderId, localModelName } from './bert/model-location.js';
import { pool, type Pooling } from './bert/pooling.js';

/** Options of {@link loadBertEncoder}; they mirror BERT_MODEL, MODEL_DIR, MODEL_CACHE_DIR and friends. */
export interface BertEncoderOptions {
  /** Hugging Face model id, e.g. `Xenova/bert-base-uncased`. */
  readonly model: string;
  /** Local directory in the transformers.js layout; overrides `model`. */
  readonly modelDir?: string;
  /** Where downloaded models are cached. */
  readonly cacheDir: string;
  readonly pooling: Pooling;
  readonly dtype: 'fp32' | 'q8';
  /** Whether a model missing from the cache may be downloaded. */
  readonly allowRemote: boolean;
  /** Phrases per model call (default 32). */
  readonly batchSize?: number;
  /** onnxruntime intra-op threads (default: the machine's available parallelism). */
  readonly threads?: number;
  readonly onProgress?: (p: LoadProgress) => void;
}

interface ModelOutput {
  last_hidden_state?: Tensor;
}

/**
 * Loads the BERT encoder, or throws a `ModelError` with code `encoder.unavailable` whose message
 * says which setting to change (MODEL_DIR, BERT_MODEL, ALLOW_REMOTE_MODELS, ENCODER=glove).
 */
export async function loadBertEncoder(opts: BertEncoderOptions): Promise<Encoder> {
  const batchSize = Math.max(1, opts.batchSize ?? 32);
  const dir = opts.modelDir === undefined ? undefined : path.resolve(opts.modelDir);
  if (dir !== undefined) await assertModelDir(dir, opts.dtype);
  const { tokenizer, model } = await loadBert({
    source: dir === undefined ? { kind: 'hub', id: opts.model } : { kind: 'dir', dir },
    cacheDir: opts.cacheDir,
    dtype: opts.dtype,
    allowRemote: opts.allowRemote,
    threads: opts.threads,
    onProgress: opts.onProgress,
  });

  const config = model.config as unknown as { hidden_size?: number; max_position_embeddings?: number };
  const dim = config.hidden_size;
  if (dim === undefined) {
    await model.dispose();
    throw new ModelError(
      'encoder.unavailable',
      `The BERT model's config.json has no hidden_size; set MODEL_DIR or BERT_MODEL to a BERT model, or set ENCODER=glove.`,
    );
  }
  const tokenizerMax: unknown = tokenizer.model_max_length;
  const maxLen = Math.min(config.max_position_embeddings ?? 512, typeof tokenizerMax === 'number' ? tokenizerMax : Infinity);
  const padId: number = typeof tokenizer.pad_token_id === 'number' ? tokenizer.pad_token_id : 0;
  const name = dir === undefined ? opts.model : await localModelName(dir, opts.dtype);

  return {
    id: bertEncoderId(name, opts.pooling, opts.dtype),
    dim,
    async encode(phrases: readonly string[]): Promise<Float32Array[]> {
      const ids = phrases.map((p) => truncateIds(tokenizer.encode(p), maxLen));
      const out: Float32Array[] = new Array<Float32Array>(phrases.length);
      for (const batch of makeBatches(ids, batchSize, padId)) {
        const dims = [batch.indices.length, batch.seqLen];
        const result = (await model.forward({
          input_ids: new Tensor('int64', batch.inputIds, dims),
          attention_mask: new Tensor('int64', batch.attentionMask, dims),
          token_type_ids: new Tensor('int64', batch.tokenTypeIds, dims),
        })) as ModelOutput;
        const hidden = result.last_hidden_state;
        if (hidden === undefined) {
          throw new ModelError(
            'encoder.unavailable',
            'The BERT model has no last_hidden_state output; set MODEL_DIR or BERT_MODEL to a BERT feature-extraction export.',
          );
        }
        const vectors = pool(hidden.data as Float32Array, [dims[0] ?? 0, dims[1] ?? 0, dim], batch.lengths, opts.pooling);
        hidden.dispose();
        batch.indices.forEach((phraseIndex, r) => {
          const v = vectors[r];
          if (v !== undefined) out[phraseIndex] = v;
        });
      }
      return out;
    },
    async dispose(): Promise<void> {
      await model.dispose();
    },
  };
}
