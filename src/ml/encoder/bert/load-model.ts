/**
 * Loads a BERT tokenizer and ONNX model through transformers.js, with every library setting passed
 * per call (cache dir, local-only, session options) rather than through its global `env`, and every
 * failure turned into an `encoder.unavailable` error that names the setting to change.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { AutoModel, AutoTokenizer } from '@huggingface/transformers';
import type { PreTrainedModel, PreTrainedTokenizer, ProgressInfo } from '@huggingface/transformers';
import { ModelError } from '../../../errors.js';
import { missingModelFiles } from './model-location.js';

/** Download progress of one model file, in bytes. */
export interface LoadProgress {
  readonly file: string;
  readonly loaded: number;
  readonly total: number;
}

/** Where and how to load from; `source` is an absolute directory or a Hugging Face model id. */
export interface LoadRequest {
  readonly source: { readonly kind: 'dir'; readonly dir: string } | { readonly kind: 'hub'; readonly id: string };
  readonly cacheDir: string;
  readonly dtype: 'fp32' | 'q8';
  readonly allowRemote: boolean;
  readonly threads?: number;
  readonly onProgress?: (p: LoadProgress) => void;
}

/** A loaded tokenizer and model. */
export interface LoadedBert {
  readonly tokenizer: PreTrainedTokenizer;
  readonly model: PreTrainedModel;
}

function unavailable(req: LoadRequest, detail: string, cause?: unknown): ModelError {
  const { source, cacheDir } = req;
  const alternatives = 'set MODEL_DIR to a local model directory in the transformers.js layout, or set ENCODER=glove';
  const message =
    source.kind === 'dir'
      ? `Could not load the BERT model in MODEL_DIR=${source.dir}: ${detail}. Point MODEL_DIR at a working model, unset it to use BERT_MODEL, or set ENCODER=glove.`
      : req.allowRemote
        ? `Could not download BERT_MODEL=${source.id} into ${cacheDir}: ${detail}. Check the network and BERT_MODEL, ${alternatives}.`
        : `BERT_MODEL=${source.id} is not in the model cache ${cacheDir} and downloads are off (ALLOW_REMOTE_MODELS=false): ${detail}. ` +
          `Set ALLOW_REMOTE_MODELS=true to download it once (or MODEL_CACHE_DIR to where it is cached), ${alternatives}.`;
  return new ModelError('encoder.unavailable', message, cause === undefined ? undefined : { cause });
}

/** Loads tokenizer and model, or throws `encoder.unavailable` saying what to set. */
export async function loadBert(req: LoadRequest): Promise<LoadedBert> {
  const { source, cacheDir, dtype, allowRemote, onProgress } = req;
  const name = source.kind === 'dir' ? source.dir : source.id;
  if (source.kind === 'hub' && !allowRemote) {
    // Offline: check the cache ourselves, as transformers.js would only say "file was not found locally".
    const missing = await missingModelFiles(path.join(cacheDir, source.id), dtype);
    if (missing.length > 0) throw unavailable(req, `missing ${missing.join(', ')}`);
  }
  const threads = req.threads ?? availableParallelism();
  const common = {
    cache_dir: cacheDir,
    local_files_only: source.kind === 'dir' || !allowRemote,
    progress_callback: (p: ProgressInfo) => {
      if (p.status === 'progress') onProgress?.({ file: p.file, loaded: p.loaded, total: p.total });
    },
  };
  try {
    const [tokenizer, model] = await Promise.all([
      AutoTokenizer.from_pretrained(name, common),
      AutoModel.from_pretrained(name, {
        ...common,
        dtype,
        device: 'cpu',
        session_options: {
          // One request at a time per session; intra-op threads split each matmul across the cores.
          intraOpNumThreads: threads,
          interOpNumThreads: 1,
          executionMode: 'sequential',
          graphOptimizationLevel: 'all',
        },
      }),
    ]);
    return { tokenizer, model };
  } catch (err) {
    throw unavailable(req, err instanceof Error ? err.message : String(err), err);
  }
}
