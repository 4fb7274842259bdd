/**
 * Writes a randomly initialised BERT in the transformers.js layout (`config.json`,
 * `tokenizer.json`, `tokenizer_config.json`, `onnx/model.onnx`). No pretrained weights can be
 * downloaded here, so tests and benchmarks run the production loader on these generated models.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildBertModel, encodeModel } from './graph-builder.js';
import { configJson, tokenizerConfigJson, tokenizerJson } from './model-files.js';
import { bertBaseVocab, tinyVocab } from './vocab.js';
import { makeBertWeights, type BertDims } from './weights.js';

/** What to generate. A numeric `vocab` pads the tiny vocabulary with `[unusedN]` tokens to that size. */
export interface BertShape {
  readonly layers: number;
  readonly hidden: number;
  readonly heads: number;
  readonly intermediate: number;
  readonly vocab: readonly string[] | number;
  readonly maxPosition: number;
  /** Standard deviation of the random weights (default 0.02, as BERT's own initializer). */
  readonly initScale?: number;
}

/**
 * Tiny preset for unit tests (loads in milliseconds). Its weights are larger than BERT's 0.02 so
 * attention is far from uniform and a wrong reference computation shows up clearly.
 */
export const tinyBert: BertShape = {
  layers: 2,
  hidden: 32,
  heads: 4,
  intermediate: 64,
  vocab: tinyVocab(),
  maxPosition: 64,
  initScale: 0.1,
};

/** BERT-base-shaped preset (≈110 M parameters, ≈440 MB) with the real bert-base-uncased vocabulary. */
export function bertBaseShaped(): BertShape {
  return { layers: 12, hidden: 768, heads: 12, intermediate: 3072, vocab: bertBaseVocab(), maxPosition: 512, initScale: 0.02 };
}

/** Resolves the vocabulary tokens of a shape. */
export function vocabOf(shape: BertShape): string[] {
  if (typeof shape.vocab !== 'number') return [...shape.vocab];
  const base = tinyVocab();
  if (shape.vocab < base.length) throw new Error(`a numeric vocab must be at least ${base.length} tokens`);
  return [...base, ...Array.from({ length: shape.vocab - base.length }, (_, i) => `[unused${i}]`)];
}

/** The numeric dimensions of a shape, as the weights, the graph and the reference use them. */
export function dimsOf(shape: BertShape): BertDims {
  return {
    layers: shape.layers,
    hidden: shape.hidden,
    heads: shape.heads,
    intermediate: shape.intermediate,
    vocabSize: typeof shape.vocab === 'number' ? shape.vocab : shape.vocab.length,
    maxPosition: shape.maxPosition,
    typeVocabSize: 2,
    initScale: shape.initScale ?? 0.02,
    layerNormEps: 1e-12,
  };
}

/** Extra outputs of {@link generateBert}. */
export interface GenerateOptions {
  /** Also write `onnx/model_quantized.onnx` (dynamic int8 MatMuls), what transformers.js loads for dtype q8. */
  readonly q8?: boolean;
}

/** Writes the model for (`shape`, `seed`) into `dir`; the same inputs always give the same files. */
export async function generateBert(dir: string, shape: BertShape, seed: number, options: GenerateOptions = {}): Promise<void> {
  const dims = dimsOf(shape);
  const vocab = vocabOf(shape);
  await mkdir(path.join(dir, 'onnx'), { recursive: true });
  const json = (file: string, value: object) => writeFile(path.join(dir, file), `${JSON.stringify(value, null, 2)}\n`);
  await json('tokenizer.json', tokenizerJson(vocab));
  await json('tokenizer_config.json', tokenizerConfigJson(dims));

  const weights = makeBertWeights(dims, seed);
  const variants = options.q8 ? ([false, true] as const) : ([false] as const);
  for (const quantized of variants) {
    const onnxFile = path.join(dir, 'onnx', quantized ? 'model_quantized.onnx' : 'model.onnx');
    await writeFile(`${onnxFile}.tmp`, encodeModel(buildBertModel(weights, dims, quantized)));
    await rename(`${onnxFile}.tmp`, onnxFile);
  }
  // config.json last: its presence marks a complete model (see ensureBert).
  await json('config.json', configJson(dims, vocab, generatorStamp(dims, seed, options)));
}

function generatorStamp(dims: BertDims, seed: number, options: GenerateOptions): Record<string, unknown> {
  return { name: 'attribot-bert-generator', version: 1, seed, q8: options.q8 ?? false, dims };
}

/**
 * Generates the model into `dir` unless a complete one with the same shape and seed is already
 * there, so a benchmark pays the ~440 MB write once.
 */
export async function ensureBert(dir: string, shape: BertShape, seed: number, options: GenerateOptions = {}): Promise<void> {
  const want = JSON.stringify(generatorStamp(dimsOf(shape), seed, options));
  try {
    const config = JSON.parse(await readFile(path.join(dir, 'config.json'), 'utf8')) as { attribot_generator?: unknown };
    const complete = (await stat(path.join(dir, 'onnx', 'model.onnx'))).isFile();
    if (complete && JSON.stringify(config.attribot_generator) === want) return;
  } catch {
    // Missing or unreadable: generate below.
  }
  await generateBert(dir, shape, seed, options);
}
