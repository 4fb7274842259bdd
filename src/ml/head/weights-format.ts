import { endianness } from 'node:os';
import { crc32 } from 'node:zlib';
import { z } from 'zod';
import { ModelError } from '../../errors.js';
import { assertHeadShape, type LinearHeadWeights } from './linear-head.js';

/**
 * A trained head as one self-describing Buffer (stored as bytea):
 *
 * | offset | field |
 * |---|---|
 * | 0 | magic `ATHEAD\0\0` |
 * | 8 | u32 LE byte length L of the JSON header |
 * | 12 | JSON header, UTF-8, space-padded so the data starts 4-byte aligned |
 * | 12 + L | weight data in `tf.io.encodeWeights` layout: each spec's values back to back, in order |
 *
 * The header carries the format version, sizes, optional labels and metadata, the weight specs
 * (`tf.io.WeightsManifestEntry` shape) and a CRC-32 of the data.
 */
export const HEAD_FORMAT_VERSION = 1;
const MAGIC = Buffer.from('ATHEAD\0\0', 'latin1');
const PREFIX_BYTES = MAGIC.length + 4;

/** One stored array, as `tf.io.WeightsManifestEntry` describes it. */
export interface WeightSpec {
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: 'float32';
}

/** Extra information stored beside the weights. */
export interface HeadExtras {
  /** Class names in class-index order. */
  readonly labels?: readonly string[];
  /** Anything JSON-serialisable, e.g. encoder id, training run, metrics. */
  readonly metadata?: Record<string, unknown>;
}

/** A decoded head: weights plus what was stored with them. */
export interface DecodedHead extends LinearHeadWeights {
  readonly formatVersion: number;
  readonly labels: readonly string[] | undefined;
  readonly metadata: Record<string, unknown>;
}

const headerSchema = z.object({
  format: z.literal('attribot-linear-head'),
  version: z.number().int(),
  dim: z.number().int().positive(),
  numClasses: z.number().int().positive(),
  labels: z.array(z.string()).optional(),
  metadata: z.record(z.string(), z.unknown()).default({}),
  weightSpecs: z.array(z.object({ name: z.string(), shape: z.array(z.number().int().nonnegative()), dtype: z.literal('float32') })),
  dataBytes: z.number().int().nonnegative(),
  crc32: z.number().int().nonnegative(),
});

/** Serialises a head and its extras into one Buffer. */
export function encodeHead(head: LinearHeadWeights, extras: HeadExtras = {}): Buffer {
  assertLittleEndian();
  assertHeadShape(head);
  if (extras.labels !== undefined && extras.labels.length !== head.numClasses) {
    throw new RangeError(`${extras.labels.length} labels were given for a head of ${head.numClasses} classes.`);
  }
  const specs: WeightSpec[] = [
    { name: 'weights', shape: [head.numClasses, head.dim], dtype: 'float32' },
    { name: 'bias', shape: [head.numClasses], dtype: 'float32' },
  ];
  const data = Buffer.concat([bytesOf(head.weights), bytesOf(head.bias)]);
  const header = JSON.stringify({
    format: 'attribot-linear-head',
    version: HEAD_FORMAT_VERSION,
    dim: head.dim,
    numClasses: head.numClasses,
    ...(extras.labels !== undefined ? { labels: extras.labels } : {}),
    metadata: extras.metadata ?? {},
    weightSpecs: specs,
    dataBytes: data.length,
    crc32: crc32(data),
  });
  const raw = Buffer.from(header, 'utf8');
  const padded = Buffer.alloc(raw.length + ((4 - ((PREFIX_BYTES + raw.length) % 4)) % 4), ' ');
  raw.copy(padded);
  const prefix = Buffer.alloc(PREFIX_BYTES);
  MAGIC.copy(prefix);
  prefix.writeUInt32LE(padded.length, MAGIC.length);
  return Buffer.concat([prefix, padded, data]);
}

/**
 * Reads a head back. Works on any byte view, including the unaligned ones pg returns: every
 * array is copied into a fresh ArrayBuffer before being viewed as floats. Arrays are found by
 * shape, not by name. Throws a {@link ModelError} when the bytes are not a valid head.
 */
export function decodeHead(bytes: Uint8Array): DecodedHead {
  assertLittleEndian();
  if (bytes.length < PREFIX_BYTES || !MAGIC.equals(bytes.subarray(0, MAGIC.length))) corrupt('it does not start with the head format marker');
  const headerBytes = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
  const dataStart = PREFIX_BYTES + headerBytes;
  if (dataStart > bytes.length) corrupt('the header is cut off');
  const header = parseHeader(bytes.subarray(PREFIX_BYTES, dataStart));
  if (header.version > HEAD_FORMAT_VERSION) corrupt(`it uses format version ${header.version}, newer than this program reads (${HEAD_FORMAT_VERSION})`);
  const data = bytes.subarray(dataStart);
  if (data.length !== header.dataBytes) corrupt(`it holds ${data.length} bytes of weights, expected ${header.dataBytes}`);
  if (crc32(data) !== header.crc32) corrupt('the weight data fails its checksum');
  const arrays = sliceArrays(data, header.weightSpecs);
  const { dim, numClasses } = header;
  const bias = arrays.find((a) => a.shape.length === 1 && a.shape[0] === numClasses)?.values;
  let weights = arrays.find((a) => a.shape.length === 2 && a.shape[0] === numClasses && a.shape[1] === dim)?.values;
  if (weights === undefined) {
    // A kernel stored input-major (tfjs Dense layout) is accepted and transposed.
    const kernel = arrays.find((a) => a.shape.length === 2 && a.shape[0] === dim && a.shape[1] === numClasses)?.values;
    if (kernel !== undefined) weights = transpose(kernel, dim, numClasses);
  }
  if (weights === undefined || bias === undefined) corrupt(`no ${numClasses}×${dim} weight matrix and ${numClasses}-long bias are among its arrays`);
  if (header.labels !== undefined && header.labels.length !== numClasses) corrupt(`it has ${header.labels.length} labels for ${numClasses} classes`);
  return { weights, bias, dim, numClasses, formatVersion: header.version, labels: header.labels, metadata: header.metadata };
}

function parseHeader(raw: Uint8Array): z.infer<typeof headerSchema> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('utf8'));
  } catch (err) {
    corrupt('its header is not valid JSON', err);
  }
  const parsed = headerSchema.safeParse(json);
  if (!parsed.success) corrupt(`its header is malformed (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})`);
  return parsed.data;
}

function sliceArrays(data: Uint8Array, specs: readonly WeightSpec[]): { shape: readonly number[]; values: Float32Array }[] {
  let offset = 0;
  return specs.map((spec) => {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const end = offset + count * Float32Array.BYTES_PER_ELEMENT;
    if (end > data.length) corrupt(`its array "${spec.name}" runs past the end of the data`);
    const values = new Float32Array(count);
    new Uint8Array(values.buffer).set(data.subarray(offset, end));
    offset = end;
    return { shape: spec.shape, values };
  });
}

function transpose(values: Float32Array, rows: number, cols: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c * rows + r] = values[r * cols + c]!;
  return out;
}

function bytesOf(values: Float32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

function assertLittleEndian(): void {
  if (endianness() !== 'LE') throw new ModelError('model.unavailable', 'Model weights can only be read and written on little-endian machines.');
}

function corrupt(why: string, cause?: unknown): never {
  throw new ModelError('model.unavailable', `The stored model weights cannot be read: ${why}.`, { cause });
}
