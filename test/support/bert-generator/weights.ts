/**
 * The weights of a randomly initialised BERT, drawn from one seeded stream in a fixed order so
 * the ONNX writer and the reference forward pass rebuild identical values from (dims, seed).
 */
import { createRandom } from '../../../src/ml/trainer/prng.js';
import { fillNormal } from './prng.js';

/** The numeric shape of a BERT encoder. */
export interface BertDims {
  readonly layers: number;
  readonly hidden: number;
  readonly heads: number;
  readonly intermediate: number;
  readonly vocabSize: number;
  readonly maxPosition: number;
  readonly typeVocabSize: number;
  /** Standard deviation of the random weights; small keeps activations finite through 12 layers. */
  readonly initScale: number;
  readonly layerNormEps: number;
}

/** One transformer layer. Matrices are row-major `[in, out]`, ready for ONNX `MatMul(x, W)`. */
export interface BertLayerWeights {
  readonly query: Float32Array;
  readonly queryBias: Float32Array;
  readonly key: Float32Array;
  readonly keyBias: Float32Array;
  readonly value: Float32Array;
  readonly valueBias: Float32Array;
  readonly attentionOut: Float32Array;
  readonly attentionOutBias: Float32Array;
  readonly attentionNormGamma: Float32Array;
  readonly attentionNormBeta: Float32Array;
  readonly intermediate: Float32Array;
  readonly intermediateBias: Float32Array;
  readonly output: Float32Array;
  readonly outputBias: Float32Array;
  readonly outputNormGamma: Float32Array;
  readonly outputNormBeta: Float32Array;
}

/** All weights of the encoder (no pooler: the encoder under test never uses `pooler_output`). */
export interface BertWeights {
  readonly wordEmbeddings: Float32Array;
  readonly positionEmbeddings: Float32Array;
  readonly tokenTypeEmbeddings: Float32Array;
  readonly embeddingNormGamma: Float32Array;
  readonly embeddingNormBeta: Float32Array;
  readonly layers: readonly BertLayerWeights[];
}

/** Draws every weight of a BERT with `dims` from `seed`; the same inputs give bit-identical weights. */
export function makeBertWeights(dims: BertDims, seed: number): BertWeights {
  const uniform = createRandom(seed);
  const s = dims.initScale;
  const normal = (n: number): Float32Array => fillNormal(new Float32Array(n), uniform, s);
  // LayerNorm scales near 1 (not exactly 1) so a reference that forgot gamma would be caught.
  const gamma = (n: number): Float32Array => normal(n).map((x) => 1 + x);
  const { hidden: h, intermediate: f } = dims;

  const wordEmbeddings = normal(dims.vocabSize * h);
  const positionEmbeddings = normal(dims.maxPosition * h);
  const tokenTypeEmbeddings = normal(dims.typeVocabSize * h);
  const embeddingNormGamma = gamma(h);
  const embeddingNormBeta = normal(h);
  const layers: BertLayerWeights[] = [];
  for (let l = 0; l < dims.layers; l++) {
    layers.push({
      query: normal(h * h),
      queryBias: normal(h),
      key: normal(h * h),
      keyBias: normal(h),
      value: normal(h * h),
      valueBias: normal(h),
      attentionOut: normal(h * h),
      attentionOutBias: normal(h),
      attentionNormGamma: gamma(h),
      attentionNormBeta: normal(h),
      intermediate: normal(h * f),
      intermediateBias: normal(f),
      output: normal(f * h),
      outputBias: normal(h),
      outputNormGamma: gamma(h),
      outputNormBeta: normal(h),
    });
  }
  return { wordEmbeddings, positionEmbeddings, tokenTypeEmbeddings, embeddingNormGamma, embeddingNormBeta, layers };
}
