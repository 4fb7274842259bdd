/**
 * The hand-written reference the BERT path is measured against (issue 17): onnxruntime-node
 * called directly (2 intra-op threads, all graph optimisations, sequential), transformers.js's
 * tokenizer, the [CLS] row of `last_hidden_state`, and nothing else. It has no batching
 * cleverness beyond right-padding, no validation and no pooling options: the floor for our path.
 */
import path from 'node:path';
import { AutoTokenizer } from '@huggingface/transformers';
import * as ort from 'onnxruntime-node';

/** A loaded reference: `encode` returns one [CLS] vector per phrase. */
export interface RawReference {
  readonly dim: number;
  encode(phrases: readonly string[]): Promise<Float32Array[]>;
  dispose(): Promise<void>;
}

/** Loads `dir`'s tokenizer and the ONNX file `file` (relative to `dir`) straight into onnxruntime. */
export async function loadRawReference(dir: string, file = 'onnx/model.onnx', threads = 2): Promise<RawReference> {
  const session = await ort.InferenceSession.create(path.join(dir, file), {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  });
  const tokenizer = await AutoTokenizer.from_pretrained(dir, { local_files_only: true });
  let dim = 0;
  return {
    get dim() {
      return dim;
    },
    async encode(phrases) {
      const ids = phrases.map((p) => tokenizer.encode(p));
      const seq = Math.max(...ids.map((r) => r.length));
      const n = ids.length;
      const inputIds = new BigInt64Array(n * seq);
      const mask = new BigInt64Array(n * seq);
      ids.forEach((row, r) =>
        row.forEach((id, t) => {
          inputIds[r * seq + t] = BigInt(id);
          mask[r * seq + t] = 1n;
        }),
      );
      const dims = [n, seq];
      const out = await session.run({
        input_ids: new ort.Tensor('int64', inputIds, dims),
        attention_mask: new ort.Tensor('int64', mask, dims),
        token_type_ids: new ort.Tensor('int64', new BigInt64Array(n * seq), dims),
      });
      const hidden = out.last_hidden_state;
      if (hidden === undefined) throw new Error('the model has no last_hidden_state output');
      dim = hidden.dims[2] ?? 0;
      const data = hidden.data as Float32Array;
      return ids.map((_, r) => data.slice(r * seq * dim, r * seq * dim + dim));
    },
    async dispose() {
      await session.release();
    },
  };
}
