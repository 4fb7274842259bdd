/**
 * The ONNX graph of one training step of the linear softmax head, run by onnxruntime (MLAS
 * GEMMs on every core): given a batch `x` [B, D], soft targets `t` [B, C], per-example weights
 * `w` [B] (summing to 1) and the parameters `W` [C, D], `b` [C], it returns the weighted
 * cross-entropy `loss`, and (unless `lossOnly`) its gradients `dW` = ((softmax − t)·w)ᵀ·x and
 * `db` = Σ (softmax − t)·w — the same hand-written gradient as linear-step.ts, L2 excluded.
 */
import { bytes, int, msg, str, type Bytes } from './proto.js';

const FLOAT = 1;
const INT64 = 7;

const dimOf = (d: number | string): Bytes => (typeof d === 'number' ? int(1, d) : str(2, d));
/** A float tensor's ValueInfoProto as GraphProto field 11 (input) or 12 (output). */
const valueInfo = (field: 11 | 12, name: string, shape: readonly (number | string)[]): Bytes =>
  bytes(field, msg(str(1, name), bytes(2, bytes(1, msg(int(1, FLOAT), bytes(2, msg(...shape.map((d) => bytes(1, dimOf(d))))))))));
const input = (name: string, shape: readonly (number | string)[]) => valueInfo(11, name, shape);
const output = (name: string, shape: readonly (number | string)[]) => valueInfo(12, name, shape);

type Attr = { name: string; i: number } | { name: string; ints: readonly number[] };
const attribute = (a: Attr): Bytes =>
  'i' in a ? bytes(5, msg(str(1, a.name), int(3, a.i), int(20, 2))) : bytes(5, msg(str(1, a.name), ...a.ints.map((v) => int(8, v)), int(20, 7)));

const node = (op: string, inputs: readonly string[], outputs: readonly string[], attrs: readonly Attr[] = []): Bytes =>
  bytes(1, msg(...inputs.map((i) => str(1, i)), ...outputs.map((o) => str(2, o)), str(3, `${op}_${outputs[0] ?? ''}`), str(4, op), ...attrs.map(attribute)));

/** An int64 vector constant (the `axes` inputs of ReduceSum and Unsqueeze since opset 13). */
const int64Initializer = (name: string, values: readonly number[]): Bytes =>
  bytes(5, msg(int(1, values.length), int(2, INT64), bytes(7, values.flatMap((v) => varintBytes(v))), str(8, name)));
const varintBytes = (v: number): Bytes => int(0, v).slice(1); // packed repeated int64: bare varints

/** The serialized model for a head of `numClasses` × `dim` (the batch size is left free). */
export function gradGraphBytes(dim: number, numClasses: number, lossOnly = false): Uint8Array {
  const nodes = [
    node('Gemm', ['x', 'W', 'b'], ['logits'], [{ name: 'transB', i: 1 }]),
    node('LogSoftmax', ['logits'], ['lsm'], [{ name: 'axis', i: 1 }]),
    node('Mul', ['t', 'lsm'], ['tl']),
    node('ReduceSum', ['tl', 'axis1'], ['perExample'], [{ name: 'keepdims', i: 0 }]),
    node('Mul', ['perExample', 'w'], ['weighted']),
    node('ReduceSum', ['weighted', 'axis0'], ['total'], [{ name: 'keepdims', i: 0 }]),
    node('Neg', ['total'], ['loss']),
  ];
  if (!lossOnly) {
    nodes.push(
      node('Exp', ['lsm'], ['p']),
      node('Sub', ['p', 't'], ['diff']),
      node('Unsqueeze', ['w', 'axis1'], ['wCol']),
      node('Mul', ['diff', 'wCol'], ['dLogits']),
      node('Gemm', ['dLogits', 'x'], ['dW'], [{ name: 'transA', i: 1 }]),
      node('ReduceSum', ['dLogits', 'axis0'], ['db'], [{ name: 'keepdims', i: 0 }]),
    );
  }
  const graph = msg(
    ...nodes,
    str(2, lossOnly ? 'head_loss' : 'head_step'),
    int64Initializer('axis0', [0]),
    int64Initializer('axis1', [1]),
    input('x', ['B', dim]),
    input('t', ['B', numClasses]),
    input('w', ['B']),
    input('W', [numClasses, dim]),
    input('b', [numClasses]),
    output('loss', []),
    ...(lossOnly ? [] : [output('dW', [numClasses, dim]), output('db', [numClasses])]),
  );
  const model = msg(int(1, 8), str(2, 'attribot'), bytes(7, graph), bytes(8, msg(str(1, ''), int(2, 17))));
  return Uint8Array.from(model);
}
