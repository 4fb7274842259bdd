/**
 * Sentence vectors from `last_hidden_state`. `pooler_output` is not used: many ONNX exports lack
 * it, and the design names the [CLS] position of the last layer.
 */

/** How token vectors become one phrase vector. */
export type Pooling = 'cls' | 'mean';

/**
 * Pools a `[batch, seq, hidden]` row-major tensor. `lengths[b]` is the number of real tokens of
 * row `b`; padding is on the right, so positions `>= lengths[b]` are ignored by `mean`.
 */
export function pool(
  hidden: Float32Array,
  dims: readonly [number, number, number],
  lengths: readonly number[],
  pooling: Pooling,
): Float32Array[] {
  const [batch, seq, dim] = dims;
  const out: Float32Array[] = [];
  for (let b = 0; b < batch; b++) {
    const row = b * seq * dim;
    if (pooling === 'cls') {
      // slice, not subarray: the vector must not keep the whole batch's buffer alive.
      out.push(hidden.slice(row, row + dim));
      continue;
    }
    const n = Math.max(1, Math.min(seq, lengths[b] ?? seq));
    const sum = new Float64Array(dim);
    for (let t = 0; t < n; t++) {
      const base = row + t * dim;
      for (let i = 0; i < dim; i++) sum[i] = (sum[i] ?? 0) + (hidden[base + i] ?? 0);
    }
    out.push(Float32Array.from(sum, (v) => v / n));
  }
  return out;
}
