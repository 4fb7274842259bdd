/**
 * Small constructors over `onnx-proto` so the graph builder reads like the network it describes.
 */
import onnxProto from 'onnx-proto';
import type { onnx as OnnxTypes } from 'onnx-proto';

/** The `onnx` protobuf namespace (onnx-proto is CommonJS, so its namespace hangs off the default export). */
export const onnx = onnxProto.onnx;

type AttrValue = { int: number } | { ints: readonly number[] } | { float: number };

/** Attribute helpers: ONNX distinguishes INT from FLOAT attributes, JavaScript numbers do not. */
export const attr = {
  int: (v: number): AttrValue => ({ int: v }),
  ints: (v: readonly number[]): AttrValue => ({ ints: v }),
  float: (v: number): AttrValue => ({ float: v }),
};

/** An initializer. Bytes are a view on `data` (no copy), little-endian as ONNX `raw_data` requires. */
export function tensor(
  name: string,
  dims: readonly number[],
  data: Float32Array | BigInt64Array | Int8Array,
): OnnxTypes.ITensorProto {
  const { DataType } = onnx.TensorProto;
  return {
    name,
    dims: [...dims],
    dataType: data instanceof Float32Array ? DataType.FLOAT : data instanceof Int8Array ? DataType.INT8 : DataType.INT64,
    rawData: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
  };
}

/** A graph node; `name` defaults to the first output so ORT messages point at a readable place. */
export function node(
  opType: string,
  inputs: readonly string[],
  outputs: readonly string[],
  attributes: Record<string, AttrValue> = {},
): OnnxTypes.INodeProto {
  const { AttributeType } = onnx.AttributeProto;
  return {
    opType,
    name: outputs[0] ?? opType,
    input: [...inputs],
    output: [...outputs],
    attribute: Object.entries(attributes).map(([name, v]) =>
      'int' in v
        ? { name, type: AttributeType.INT, i: v.int }
        : 'ints' in v
          ? { name, type: AttributeType.INTS, ints: [...v.ints] }
          : { name, type: AttributeType.FLOAT, f: v.float },
    ),
  };
}

/** A graph input or output; string dims are symbolic (dynamic) dimensions. */
export function valueInfo(
  name: string,
  elemType: OnnxTypes.TensorProto.DataType,
  dims: readonly (number | string)[],
): OnnxTypes.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType,
        shape: { dim: dims.map((d) => (typeof d === 'number' ? { dimValue: d } : { dimParam: d })) },
      },
    },
  };
}
