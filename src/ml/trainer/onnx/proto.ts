/**
 * Just enough protobuf to write an ONNX model: the training graph is a dozen nodes, so writing
 * its bytes here avoids shipping a protobuf library (onnx-proto is only a dev dependency).
 * Field numbers are those of onnx.proto (ModelProto, GraphProto, NodeProto, ...).
 */

/** One encoded field or message body. */
export type Bytes = number[];

const varint = (value: number | bigint): Bytes => {
  let v = BigInt(value);
  if (v < 0n) v += 1n << 64n; // two's complement, as protobuf encodes negative int64
  const out: Bytes = [];
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v !== 0n) byte |= 0x80;
    out.push(byte);
  } while (v !== 0n);
  return out;
};

/** A varint field (wire type 0). */
export const int = (field: number, value: number | bigint): Bytes => [...varint(field << 3), ...varint(value)];

/** A length-delimited field (wire type 2): a string, bytes or an embedded message. */
export const bytes = (field: number, body: Bytes | Uint8Array): Bytes => [...varint((field << 3) | 2), ...varint(body.length), ...body];

/** A string field. */
export const str = (field: number, value: string): Bytes => bytes(field, [...new TextEncoder().encode(value)]);

/** A 32-bit float field (wire type 5). */
export const f32 = (field: number, value: number): Bytes => [...varint((field << 3) | 5), ...new Uint8Array(Float32Array.of(value).buffer)];

/** Concatenates fields into a message body. */
export const msg = (...fields: Bytes[]): Bytes => fields.flat();
