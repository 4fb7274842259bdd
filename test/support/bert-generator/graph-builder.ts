/**
 * Builds the ONNX graph of a BERT encoder (embeddings, post-LayerNorm transformer layers with
 * masked multi-head self-attention and erf GELU) from plain weights, in the input/output layout
 * transformers.js expects of a `BertModel` export.
 */
import type { onnx as OnnxTypes } from 'onnx-proto';
import { GraphBuilder } from './graph-ops.js';
import { attr, onnx, valueInfo } from './onnx-helpers.js';
import type { BertDims, BertLayerWeights, BertWeights } from './weights.js';

/** Opset 17 is the first with a native LayerNormalization; IR 8 is the matching IR version. */
const OPSET = 17;
const IR_VERSION = 8;
/** Added to masked attention scores; exp(-1e4) underflows to exactly 0 in float32. */
export const MASK_PENALTY = -10000;

function addEmbeddings(g: GraphBuilder, w: BertWeights, dims: BertDims): string {
  const h = dims.hidden;
  const words = g.op('Gather', [g.weight('embeddings.word', [dims.vocabSize, h], w.wordEmbeddings), 'input_ids'], 'emb.words');
  const types = g.op(
    'Gather',
    [g.weight('embeddings.token_type', [dims.typeVocabSize, h], w.tokenTypeEmbeddings), 'token_type_ids'],
    'emb.types',
  );
  // Positions 0..S-1 are the first S rows of the position table.
  const seqLen = g.op('Shape', ['input_ids'], 'emb.seq_len', { start: attr.int(1), end: attr.int(2) });
  const positions = g.op(
    'Slice',
    [
      g.weight('embeddings.position', [dims.maxPosition, h], w.positionEmbeddings),
      g.weight('const.zero_1d', [1], BigInt64Array.of(0n)),
      seqLen,
      g.weight('const.axis0_1d', [1], BigInt64Array.of(0n)),
    ],
    'emb.positions',
  );
  const sum = g.op('Add', [g.op('Add', [words, positions], 'emb.words_pos'), types], 'emb.sum');
  return g.layerNorm(
    sum,
    g.weight('embeddings.norm.gamma', [h], w.embeddingNormGamma),
    g.weight('embeddings.norm.beta', [h], w.embeddingNormBeta),
    dims.layerNormEps,
    'emb.out',
  );
}

/** `[B, S]` int64 mask → `[B, 1, 1, S]` float additive bias (0 keep, MASK_PENALTY drop). */
function addMaskBias(g: GraphBuilder): string {
  const mask = g.op('Cast', ['attention_mask'], 'mask.float', { to: attr.int(onnx.TensorProto.DataType.FLOAT) });
  const inverted = g.op('Sub', ['const.one', mask], 'mask.inverted');
  const bias = g.op('Mul', [inverted, g.weight('const.mask_penalty', [], Float32Array.of(MASK_PENALTY))], 'mask.bias2d');
  return g.op('Unsqueeze', [bias, g.weight('const.axes_1_2', [2], BigInt64Array.of(1n, 2n))], 'mask.bias');
}

function addLayer(g: GraphBuilder, x: string, lw: BertLayerWeights, l: number, dims: BertDims, maskBias: string): string {
  const { hidden: h, intermediate: f } = dims;
  const p = `layer${l}`;
  const w = (name: string, shape: readonly number[], data: Float32Array): string => g.weight(`${p}.${name}`, shape, data);
  const headShape = 'const.head_shape';
  // [B, S, H] → [B, heads, S, headDim] (or [B, heads, headDim, S] for keys, ready for Q·Kᵀ).
  const split = (t: string, perm: number[], name: string): string =>
    g.op('Transpose', [g.op('Reshape', [t, headShape], `${p}.${name}.heads`)], `${p}.${name}.t`, { perm: attr.ints(perm) });

  const q = split(g.dense(x, `${p}.query`, [h, h], lw.query, lw.queryBias, `${p}.q`), [0, 2, 1, 3], 'q');
  const k = split(g.dense(x, `${p}.key`, [h, h], lw.key, lw.keyBias, `${p}.k`), [0, 2, 3, 1], 'k');
  const v = split(g.dense(x, `${p}.value`, [h, h], lw.value, lw.valueBias, `${p}.v`), [0, 2, 1, 3], 'v');

  const scores = g.op('Div', [g.op('MatMul', [q, k], `${p}.qk`), 'const.sqrt_head_dim'], `${p}.scores`);
  const probs = g.op('Softmax', [g.op('Add', [scores, maskBias], `${p}.masked`)], `${p}.probs`, { axis: attr.int(-1) });
  const context = g.op(
    'Reshape',
    [g.op('Transpose', [g.op('MatMul', [probs, v], `${p}.ctx`)], `${p}.ctx.t`, { perm: attr.ints([0, 2, 1, 3]) }), 'const.hidden_shape'],
    `${p}.ctx.merged`,
  );
  const attnOut = g.dense(context, `${p}.attention.out`, [h, h], lw.attentionOut, lw.attentionOutBias, `${p}.attn`);
  const x1 = g.layerNorm(
    g.op('Add', [attnOut, x], `${p}.attn.residual`),
    w('attention.norm.gamma', [h], lw.attentionNormGamma),
    w('attention.norm.beta', [h], lw.attentionNormBeta),
    dims.layerNormEps,
    `${p}.attn.out`,
  );

  const pre = g.dense(x1, `${p}.intermediate`, [h, f], lw.intermediate, lw.intermediateBias, `${p}.ffn.pre`);
  // GELU, erf form: x · ½ · (1 + erf(x / √2)).
  const erf = g.op('Erf', [g.op('Div', [pre, 'const.sqrt2'], `${p}.gelu.scaled`)], `${p}.gelu.erf`);
  const gelu = g.op('Mul', [g.op('Mul', [pre, g.op('Add', [erf, 'const.one'], `${p}.gelu.1p`)], `${p}.gelu.prod`), 'const.half'], `${p}.gelu`);
  const out = g.dense(gelu, `${p}.output`, [f, h], lw.output, lw.outputBias, `${p}.ffn.out`);
  return g.layerNorm(
    g.op('Add', [out, x1], `${p}.ffn.residual`),
    w('output.norm.gamma', [h], lw.outputNormGamma),
    w('output.norm.beta', [h], lw.outputNormBeta),
    dims.layerNormEps,
    l === dims.layers - 1 ? 'last_hidden_state' : `${p}.out`,
  );
}

/**
 * The complete ONNX model for `weights`, with inputs `input_ids`, `attention_mask`,
 * `token_type_ids`; `quantized` gives the q8 variant (`onnx/model_quantized.onnx`).
 */
export function buildBertModel(weights: BertWeights, dims: BertDims, quantized = false): OnnxTypes.IModelProto {
  if (dims.hidden % dims.heads !== 0) throw new Error(`hidden (${dims.hidden}) must be divisible by heads (${dims.heads})`);
  const headDim = dims.hidden / dims.heads;
  const g = new GraphBuilder(quantized);
  g.weight('const.head_shape', [4], BigInt64Array.of(0n, 0n, BigInt(dims.heads), BigInt(headDim)));
  g.weight('const.hidden_shape', [3], BigInt64Array.of(0n, 0n, BigInt(dims.hidden)));
  g.weight('const.sqrt_head_dim', [], Float32Array.of(Math.sqrt(headDim)));
  g.weight('const.sqrt2', [], Float32Array.of(Math.SQRT2));
  g.weight('const.half', [], Float32Array.of(0.5));
  g.weight('const.one', [], Float32Array.of(1));

  const maskBias = addMaskBias(g);
  let x = addEmbeddings(g, weights, dims);
  weights.layers.forEach((lw, l) => {
    x = addLayer(g, x, lw, l, dims, maskBias);
  });

  const { INT64, FLOAT } = onnx.TensorProto.DataType;
  const io = ['batch_size', 'sequence_length'];
  return {
    irVersion: IR_VERSION,
    opsetImport: [{ domain: '', version: OPSET }],
    producerName: 'attribot-bert-generator',
    graph: {
      name: 'bert',
      node: g.nodes,
      initializer: g.initializers,
      input: [valueInfo('input_ids', INT64, io), valueInfo('attention_mask', INT64, io), valueInfo('token_type_ids', INT64, io)],
      output: [valueInfo('last_hidden_state', FLOAT, [...io, dims.hidden])],
    },
  };
}

/** Serialises a model to protobuf bytes. */
export function encodeModel(model: OnnxTypes.IModelProto): Uint8Array {
  return onnx.ModelProto.encode(model).finish();
}
