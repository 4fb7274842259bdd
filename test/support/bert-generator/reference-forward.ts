/**
 * An independent forward pass of the generated BERT in plain TypeScript (float64 arithmetic,
 * straight from the seeded weights), to check what onnxruntime computes from the ONNX file.
 */
import { MASK_PENALTY } from './graph-builder.js';
import type { BertDims, BertWeights } from './weights.js';

/** erf with |error| < 1.2e-7 (Numerical Recipes' Chebyshev fit of erfc); ample against a 1e-4 check. */
export function erf(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -1.26551223 +
    t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * Math.exp(-z * z + poly);
  return x >= 0 ? 1 - erfc : erfc - 1;
}

type Matrix = Float64Array; // row-major [rows, cols]

function linear(x: Matrix, rows: number, inDim: number, w: Float32Array, b: Float32Array, outDim: number): Matrix {
  const y = new Float64Array(rows * outDim);
  for (let r = 0; r < rows; r++) {
    for (let o = 0; o < outDim; o++) {
      let acc = b[o] ?? 0;
      for (let i = 0; i < inDim; i++) acc += (x[r * inDim + i] ?? 0) * (w[i * outDim + o] ?? 0);
      y[r * outDim + o] = acc;
    }
  }
  return y;
}

function layerNorm(x: Matrix, rows: number, dim: number, gamma: Float32Array, beta: Float32Array, eps: number): Matrix {
  const y = new Float64Array(x.length);
  for (let r = 0; r < rows; r++) {
    const row = x.subarray(r * dim, (r + 1) * dim);
    const mean = row.reduce((a, v) => a + v, 0) / dim;
    const variance = row.reduce((a, v) => a + (v - mean) ** 2, 0) / dim;
    const inv = 1 / Math.sqrt(variance + eps);
    for (let i = 0; i < dim; i++) y[r * dim + i] = ((row[i] ?? 0) - mean) * inv * (gamma[i] ?? 0) + (beta[i] ?? 0);
  }
  return y;
}

const add = (a: Matrix, b: Matrix): Matrix => a.map((v, i) => v + (b[i] ?? 0));

/**
 * `last_hidden_state` of one sequence, `[seq, hidden]` row-major. `mask` (default all ones) marks
 * the real tokens; token types are all 0, as for single-sentence inputs.
 */
export function referenceForward(w: BertWeights, dims: BertDims, ids: readonly number[], mask?: readonly number[]): Float64Array {
  const { hidden: h, heads, intermediate: f } = dims;
  const s = ids.length;
  const hd = h / heads;
  let x: Matrix = new Float64Array(s * h);
  ids.forEach((id, p) => {
    for (let i = 0; i < h; i++) {
      x[p * h + i] = (w.wordEmbeddings[id * h + i] ?? 0) + (w.positionEmbeddings[p * h + i] ?? 0) + (w.tokenTypeEmbeddings[i] ?? 0);
    }
  });
  x = layerNorm(x, s, h, w.embeddingNormGamma, w.embeddingNormBeta, dims.layerNormEps);
  const keyBias = Array.from({ length: s }, (_, j) => (1 - (mask?.[j] ?? 1)) * MASK_PENALTY);

  for (const lw of w.layers) {
    const q = linear(x, s, h, lw.query, lw.queryBias, h);
    const k = linear(x, s, h, lw.key, lw.keyBias, h);
    const v = linear(x, s, h, lw.value, lw.valueBias, h);
    const context = new Float64Array(s * h);
    for (let head = 0; head < heads; head++) {
      const off = head * hd;
      for (let a = 0; a < s; a++) {
        const scores = Array.from({ length: s }, (_, b) => {
          let dot = 0;
          for (let d = 0; d < hd; d++) dot += (q[a * h + off + d] ?? 0) * (k[b * h + off + d] ?? 0);
          return dot / Math.sqrt(hd) + (keyBias[b] ?? 0);
        });
        const max = Math.max(...scores);
        const exps = scores.map((sc) => Math.exp(sc - max));
        const total = exps.reduce((acc, e) => acc + e, 0);
        for (let b = 0; b < s; b++) {
          const p = (exps[b] ?? 0) / total;
          for (let d = 0; d < hd; d++) context[a * h + off + d] = (context[a * h + off + d] ?? 0) + p * (v[b * h + off + d] ?? 0);
        }
      }
    }
    const attn = linear(context, s, h, lw.attentionOut, lw.attentionOutBias, h);
    x = layerNorm(add(attn, x), s, h, lw.attentionNormGamma, lw.attentionNormBeta, dims.layerNormEps);
    const pre = linear(x, s, h, lw.intermediate, lw.intermediateBias, f);
    const gelu = pre.map((u) => 0.5 * u * (1 + erf(u / Math.SQRT2)));
    const out = linear(gelu, s, f, lw.output, lw.outputBias, h);
    x = layerNorm(add(out, x), s, h, lw.outputNormGamma, lw.outputNormBeta, dims.layerNormEps);
  }
  return x;
}

/**
 * Greedy longest-match WordPiece, written independently of tokenizer.json: lowercase, split on
 * whitespace and ASCII punctuation, then `[CLS] pieces… [SEP]`. Enough for the test phrases.
 */
export function referenceTokenize(vocab: readonly string[], text: string): number[] {
  const index = new Map(vocab.map((t, i) => [t, i]));
  const id = (t: string): number => index.get(t) ?? (index.get('[UNK]') as number);
  const words = text.toLowerCase().match(/[a-z0-9]+|[^\sa-z0-9]/g) ?? [];
  const ids = [id('[CLS]')];
  for (const word of words) {
    const pieces: number[] = [];
    let start = 0;
    while (start < word.length) {
      let end = word.length;
      let found: number | undefined;
      for (; end > start; end--) {
        found = index.get((start > 0 ? '##' : '') + word.slice(start, end));
        if (found !== undefined) break;
      }
      if (found === undefined) {
        pieces.length = 0;
        pieces.push(id('[UNK]'));
        break;
      }
      pieces.push(found);
      start = end;
    }
    ids.push(...pieces);
  }
  ids.push(id('[SEP]'));
  return ids;
}
