import type { Prisma } from '../../generated/prisma/client.js';

/** Copies any typed array's bytes into a fresh `Uint8Array` (the form Prisma's `Bytes` accepts). */
export function toBytes(v: ArrayBufferView): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(v.byteLength);
  out.set(new Uint8Array(v.buffer, v.byteOffset, v.byteLength));
  return out;
}

/** Reads float32 values from bytes at any offset (driver buffers can be unaligned). */
export function toFloat32(bytes: Uint8Array): Float32Array {
  return new Float32Array(toBytes(bytes).buffer);
}

/** Domain objects are plain JSON data; Prisma's input type wants an index signature. */
export function toJson(value: unknown): Prisma.InputJsonValue {
  return value as Prisma.InputJsonValue;
}
