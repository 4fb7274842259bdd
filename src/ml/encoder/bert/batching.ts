/**
 * Turns token id lists into padded model inputs, grouping sequences of similar length so a batch
 * wastes little compute on padding.
 */

/** One padded batch: which phrases it holds, their real lengths, and the flat `[n, len]` inputs. */
export interface PaddedBatch {
  readonly indices: number[];
  readonly lengths: number[];
  readonly seqLen: number;
  readonly inputIds: BigInt64Array;
  readonly attentionMask: BigInt64Array;
  readonly tokenTypeIds: BigInt64Array;
}

/** Keeps at most `maxLen` tokens, always ending with the sequence's last (separator) token. */
export function truncateIds(ids: readonly number[], maxLen: number): number[] {
  if (ids.length <= maxLen) return [...ids];
  const last = ids[ids.length - 1];
  return last === undefined ? [] : [...ids.slice(0, maxLen - 1), last];
}

/** Splits `sequences` into padded batches of at most `batchSize`, shortest first. */
export function makeBatches(sequences: readonly (readonly number[])[], batchSize: number, padId: number): PaddedBatch[] {
  const order = sequences.map((_, i) => i).sort((a, b) => (sequences[a]?.length ?? 0) - (sequences[b]?.length ?? 0));
  const batches: PaddedBatch[] = [];
  for (let start = 0; start < order.length; start += batchSize) {
    const indices = order.slice(start, start + batchSize);
    const rows = indices.map((i) => sequences[i] ?? []);
    const lengths = rows.map((r) => r.length);
    const seqLen = Math.max(...lengths);
    const size = indices.length * seqLen;
    const inputIds = new BigInt64Array(size).fill(BigInt(padId));
    const attentionMask = new BigInt64Array(size);
    rows.forEach((row, r) => {
      row.forEach((id, t) => {
        inputIds[r * seqLen + t] = BigInt(id);
        attentionMask[r * seqLen + t] = 1n;
      });
    });
    batches.push({ indices, lengths, seqLen, inputIds, attentionMask, tokenTypeIds: new BigInt64Array(size) });
  }
  return batches;
}
