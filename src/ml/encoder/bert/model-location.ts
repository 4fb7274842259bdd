/**
 * Where a BERT model comes from and whether its files are there, checked before transformers.js
 * is involved: its own errors for a missing local model ("reading 'tokenizer_class'") name neither
 * the missing file nor the setting to change.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { ModelError } from '../../../errors.js';

/** Model file suffix per dtype, as transformers.js names them under `onnx/`. */
export const ONNX_FILE: Record<'fp32' | 'q8', string> = { fp32: 'onnx/model.onnx', q8: 'onnx/model_quantized.onnx' };

const REQUIRED_JSON = ['config.json', 'tokenizer.json', 'tokenizer_config.json'];

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}

/** The files of the transformers.js layout missing from `dir` (empty when complete). */
export async function missingModelFiles(dir: string, dtype: 'fp32' | 'q8'): Promise<string[]> {
  const wanted = [...REQUIRED_JSON, ONNX_FILE[dtype]];
  const present = await Promise.all(wanted.map((f) => isFile(path.join(dir, f))));
  return wanted.filter((_, i) => !present[i]);
}

/** Throws `encoder.unavailable` unless `dir` holds a complete model for `dtype`. */
export async function assertModelDir(dir: string, dtype: 'fp32' | 'q8'): Promise<void> {
  let isDir = false;
  try {
    isDir = (await stat(dir)).isDirectory();
  } catch {
    // Reported below.
  }
  if (!isDir) {
    throw new ModelError(
      'encoder.unavailable',
      `MODEL_DIR=${dir} is not a directory. Set MODEL_DIR to a BERT model directory in the transformers.js layout ` +
        `(config.json, tokenizer.json, tokenizer_config.json, ${ONNX_FILE[dtype]}), unset MODEL_DIR to use BERT_MODEL, or set ENCODER=glove.`,
    );
  }
  const missing = await missingModelFiles(dir, dtype);
  if (missing.length > 0) {
    const hint = dtype === 'q8' && missing.includes(ONNX_FILE.q8) ? ' (or set BERT_DTYPE=fp32 to use onnx/model.onnx)' : '';
    throw new ModelError(
      'encoder.unavailable',
      `MODEL_DIR=${dir} lacks ${missing.join(', ')}${hint}. Set MODEL_DIR to a complete BERT model directory in the ` +
        `transformers.js layout, unset MODEL_DIR to use BERT_MODEL, or set ENCODER=glove.`,
    );
  }
}

/**
 * Names a local model for the encoder id: its folder name and a short hash of `config.json` plus
 * the model file's size, so two different models in same-named folders get different ids.
 */
export async function localModelName(dir: string, dtype: 'fp32' | 'q8'): Promise<string> {
  const config = await readFile(path.join(dir, 'config.json'));
  const size = (await stat(path.join(dir, ONNX_FILE[dtype]))).size;
  const hash = createHash('sha256').update(config).update(`:${size}`).digest('hex').slice(0, 8);
  return `dir:${path.basename(dir)}-${hash}`;
}

/** The encoder id: model, pooling and dtype, so a head is never used with a different encoder. */
export function bertEncoderId(modelName: string, pooling: 'cls' | 'mean', dtype: 'fp32' | 'q8'): string {
  return `bert:${modelName}:${pooling}:${dtype}`;
}
