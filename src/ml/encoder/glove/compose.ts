import type { GloveVocab } from './glove-vocab.js';
import type { TokenResolution } from './word-resolver.js';

/**
 * Weighted mean of the tokens' vectors; a token's vector is the mean of its words' rows (one row,
 * or a hyphen compound's parts). With no positive weight the result is the zero vector, never NaN,
 * so downstream cosine and softmax code needs no special case.
 */
export function composePhrase(
  vocab: GloveVocab,
  tokens: readonly TokenResolution[],
  weights: readonly number[],
): Float32Array {
  const dim = vocab.dim;
  const acc = new Float64Array(dim);
  let total = 0;
  tokens.forEach((t, i) => {
    const w = weights[i] ?? 0;
    if (!(w > 0) || t.ranks.length === 0) return;
    const share = w / t.ranks.length;
    for (const rank of t.ranks) {
      const row = vocab.row(rank);
      for (let d = 0; d < dim; d++) acc[d]! += share * row[d]!;
    }
    total += w;
  });
  const out = new Float32Array(dim);
  if (total > 0) for (let d = 0; d < dim; d++) out[d] = acc[d]! / total;
  return out;
}
