/**
 * An ONNX graph under construction, with the few composite operations BERT needs. Dense layers
 * are float MatMuls, or, for the q8 variant, the dynamic int8 quantization onnxruntime's
 * `quantize_dynamic` produces (activations quantized per call, weights per tensor).
 */
import type { onnx as OnnxTypes } from 'onnx-proto';
import { attr, node, onnx, tensor } from './onnx-helpers.js';

/** Symmetric per-tensor int8 quantization: `w ≈ q · scale`. */
export function quantizeSymmetric(w: Float32Array): { q: Int8Array; scale: number } {
  let max = 0;
  for (const v of w) max = Math.max(max, Math.abs(v));
  const scale = max > 0 ? max / 127 : 1;
  const q = new Int8Array(w.length);
  // Int8Array stores truncate, so round first; |v| ≤ max keeps every value within ±127.
  for (let i = 0; i < w.length; i++) q[i] = Math.round((w[i] ?? 0) / scale);
  return { q, scale };
}

/** Collects nodes and initializers. */
export class GraphBuilder {
  readonly nodes: OnnxTypes.INodeProto[] = [];
  readonly initializers: OnnxTypes.ITensorProto[] = [];

  constructor(private readonly quantized: boolean) {}

  weight(name: string, dims: readonly number[], data: Float32Array | BigInt64Array | Int8Array): string {
    this.initializers.push(tensor(name, dims, data));
    return name;
  }

  op(opType: string, inputs: readonly string[], output: string, attributes?: Parameters<typeof node>[3]): string {
    this.nodes.push(node(opType, inputs, [output], attributes));
    return output;
  }

  /** `x·W + b` with `W` row-major `[in, out]`, registered under `name`. */
  dense(x: string, name: string, shape: readonly [number, number], w: Float32Array, b: Float32Array, out: string): string {
    const bias = this.weight(`${name}.bias`, [shape[1]], b);
    if (!this.quantized) return this.op('Add', [this.op('MatMul', [x, this.weight(name, shape, w)], `${out}.matmul`), bias], out);
    const { q, scale } = quantizeSymmetric(w);
    const xq = [`${out}.xq`, `${out}.xscale`, `${out}.xzero`];
    this.nodes.push(node('DynamicQuantizeLinear', [x], xq));
    const product = this.op(
      'MatMulInteger',
      [xq[0] ?? '', this.weight(`${name}.q`, shape, q), xq[2] ?? '', this.weight(`${name}.zero`, [], Int8Array.of(0))],
      `${out}.int`,
    );
    const asFloat = this.op('Cast', [product], `${out}.float`, { to: attr.int(onnx.TensorProto.DataType.FLOAT) });
    const rescale = this.op('Mul', [xq[1] ?? '', this.weight(`${name}.scale`, [], Float32Array.of(scale))], `${out}.rescale`);
    return this.op('Add', [this.op('Mul', [asFloat, rescale], `${out}.matmul`), bias], out);
  }

  layerNorm(x: string, gamma: string, beta: string, eps: number, out: string): string {
    return this.op('LayerNormalization', [x, gamma, beta], out, { axis: attr.int(-1), epsilon: attr.float(eps) });
  }
}
