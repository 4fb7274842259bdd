import { randomBytes } from 'node:crypto';
import { endianness } from 'node:os';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { ModelError } from '../../../errors.js';
import type { GloveTable } from './wink-json-reader.js';

/**
 * Binary cache layout (little-endian), chosen so a load is one read plus a zero-copy matrix view:
 *
 * | offset | field |
 * |---|---|
 * | 0 | magic `ATGLOVE\0` |
 * | 8 | u32 format version |
 * | 12 | u32 dim |
 * | 16 | u32 word count |
 * | 20 | u32 byte length of the word list |
 * | 24 | f64 source file size (bytes) |
 * | 32 | f64 source file mtime (ms) |
 * | 40 | u32 CRC-32 of everything after the header |
 * | 64 | float32 matrix, count × dim, rows in frequency order |
 * | … | word list, UTF-8, joined by `\n`, same order |
 */
export const GLOVE_CACHE_FORMAT = 1;
const MAGIC = Buffer.from('ATGLOVE\0', 'latin1');
const HEADER_BYTES = 64;

/** Identifies the JSON a cache was built from, so a changed source triggers a rebuild. */
export interface SourceStamp {
  readonly size: number;
  readonly mtimeMs: number;
}

export type CacheRead =
  | { readonly ok: true; readonly table: GloveTable; readonly source: SourceStamp }
  | { readonly ok: false; readonly reason: string };

/**
 * Writes the cache atomically: a uniquely named temporary file, fsynced, then renamed over `path`,
 * so a crash or a concurrent writer never leaves a half-written cache behind.
 */
export async function writeGloveCache(path: string, table: GloveTable, source: SourceStamp): Promise<void> {
  if (table.words.some((w) => w.includes('\n'))) {
    throw new ModelError('encoder.unavailable', 'A GloVe word contains a line break; the cache cannot store it.');
  }
  assertLittleEndian();
  const matrix = Buffer.from(table.matrix.buffer, table.matrix.byteOffset, table.matrix.byteLength);
  const words = Buffer.from(table.words.join('\n'), 'utf8');
  const header = Buffer.alloc(HEADER_BYTES);
  MAGIC.copy(header, 0);
  header.writeUInt32LE(GLOVE_CACHE_FORMAT, 8);
  header.writeUInt32LE(table.dim, 12);
  header.writeUInt32LE(table.words.length, 16);
  header.writeUInt32LE(words.length, 20);
  header.writeDoubleLE(source.size, 24);
  header.writeDoubleLE(source.mtimeMs, 32);
  header.writeUInt32LE(crc32(words, crc32(matrix)), 40);

  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const fh = await open(tmp, 'w');
    try {
      await fh.writev([header, matrix, words]);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw new ModelError('encoder.unavailable', `Cannot write the GloVe cache ${path}: ${String(err)}.`, { cause: err });
  }
}

/**
 * Reads and validates a cache (magic, version, sizes, checksum). Never throws for a bad or missing
 * file: it says why, and the caller rebuilds.
 */
export async function readGloveCache(path: string): Promise<CacheRead> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'no cache yet' : `unreadable (${String(err)})` };
  }
  if (buf.length < HEADER_BYTES || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return { ok: false, reason: 'not a GloVe cache' };
  const version = buf.readUInt32LE(8);
  if (version !== GLOVE_CACHE_FORMAT) return { ok: false, reason: `format ${version}, expected ${GLOVE_CACHE_FORMAT}` };
  const dim = buf.readUInt32LE(12);
  const count = buf.readUInt32LE(16);
  const wordBytes = buf.readUInt32LE(20);
  const matrixBytes = count * dim * 4;
  if (buf.length !== HEADER_BYTES + matrixBytes + wordBytes) return { ok: false, reason: 'truncated or padded' };
  const body = buf.subarray(HEADER_BYTES);
  if (crc32(body) !== buf.readUInt32LE(40)) return { ok: false, reason: 'checksum mismatch' };

  const words = buf.toString('utf8', HEADER_BYTES + matrixBytes).split('\n');
  if (words.length !== count) return { ok: false, reason: `word list has ${words.length} entries, header says ${count}` };
  assertLittleEndian();
  const start = buf.byteOffset + HEADER_BYTES;
  // A Float32Array view needs 4-byte alignment; large reads start at offset 0, small ones may not.
  const matrix =
    start % 4 === 0
      ? new Float32Array(buf.buffer, start, count * dim)
      : new Float32Array(buf.buffer.slice(start, start + matrixBytes));
  const source = { size: buf.readDoubleLE(24), mtimeMs: buf.readDoubleLE(32) };
  return { ok: true, table: { dim, words, matrix }, source };
}

function assertLittleEndian(): void {
  if (endianness() !== 'LE') {
    throw new ModelError('encoder.unavailable', 'The GloVe cache supports little-endian hosts only.');
  }
}
