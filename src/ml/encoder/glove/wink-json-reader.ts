import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ModelError } from '../../../errors.js';
import { JsonStream, JsonStreamError, type JsonHandler } from './json-stream.js';

/** Word vectors in frequency order: row `i` of `matrix` belongs to `words[i]` (rank `i`). */
export interface GloveTable {
  readonly dim: number;
  readonly words: readonly string[];
  /** `words.length × dim`, row-major. */
  readonly matrix: Float32Array;
}

/** Thrown inside the handler when the JSON is well-formed but not in the wink layout. */
class LayoutError extends Error {}

/**
 * Collects the wink layout `{"dimensions": D, "words": [...], "vectors": {"w": [D floats, norm,
 * index], ...}}` without materializing it: `words` is the frequency-ordered vocabulary, each vector
 * row is written straight into one preallocated matrix.
 */
class WinkHandler implements JsonHandler {
  dim = 0;
  size = -1;
  readonly words: string[] = [];
  matrix: Float32Array | null = null;
  filled = 0;
  private depth = 0;
  private topKey = '';
  private index: Map<string, number> | null = null;
  private seen: Uint8Array | null = null;
  private rowWord = '';
  private rowOffset = -1;
  private rowPos = 0;

  open(kind: 'object' | 'array'): void {
    this.depth++;
    if (this.depth === 1 && kind !== 'object') throw new LayoutError('the top level is not an object');
    if (this.depth === 2 && this.topKey === 'vectors') this.startVectors(kind);
    else if (this.depth === 3 && this.topKey === 'vectors') this.startRow(kind);
    else if (this.depth === 3 && this.topKey === 'words') throw new LayoutError('"words" holds a non-string');
  }

  close(): void {
    if (this.depth === 3 && this.topKey === 'vectors') {
      if (this.rowPos < this.dim) throw new LayoutError(`the vector of "${this.rowWord}" has ${this.rowPos} values`);
      this.filled++;
    }
    this.depth--;
  }

  key(name: string): void {
    if (this.depth === 1) this.topKey = name;
    else if (this.depth === 2 && this.topKey === 'vectors') this.rowWord = name;
  }

  value(v: string | number | boolean | null): void {
    if (this.depth === 3 && this.topKey === 'vectors') {
      if (typeof v !== 'number') throw new LayoutError(`the vector of "${this.rowWord}" holds a non-number`);
      if (this.rowPos < this.dim) this.matrix![this.rowOffset + this.rowPos] = v;
      this.rowPos++;
    } else if (this.depth === 2 && this.topKey === 'words') {
      if (typeof v !== 'string') throw new LayoutError('"words" holds a non-string');
      this.words.push(v);
    } else if (this.depth === 1 && this.topKey === 'dimensions') {
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new LayoutError('"dimensions" is not a positive integer');
      this.dim = v;
    } else if (this.depth === 1 && this.topKey === 'size') {
      if (typeof v === 'number') this.size = v;
    }
  }

  private startVectors(kind: 'object' | 'array'): void {
    if (kind !== 'object') throw new LayoutError('"vectors" is not an object');
    if (this.dim === 0 || this.words.length === 0) throw new LayoutError('"vectors" comes before "dimensions" or "words"');
    if (this.size >= 0 && this.size !== this.words.length) {
      throw new LayoutError(`"size" says ${this.size} but "words" lists ${this.words.length}`);
    }
    this.index = new Map(this.words.map((w, i) => [w, i]));
    if (this.index.size !== this.words.length) throw new LayoutError('"words" lists a word twice');
    this.matrix = new Float32Array(this.words.length * this.dim);
    this.seen = new Uint8Array(this.words.length);
  }

  private startRow(kind: 'object' | 'array'): void {
    const row = this.index!.get(this.rowWord);
    if (kind !== 'array' || row === undefined) throw new LayoutError(`"vectors" has an entry "${this.rowWord}" not in "words"`);
    if (this.seen![row]) throw new LayoutError(`"vectors" lists "${this.rowWord}" twice`);
    this.seen![row] = 1;
    this.rowOffset = row * this.dim;
    this.rowPos = 0;
  }
}

/**
 * Streams a wink-embeddings JSON file into a {@link GloveTable}; memory stays near the size of the
 * matrix instead of the ~1 GB a `JSON.parse` of the real file takes.
 *
 * @throws ModelError `encoder.unavailable` when the file is missing, malformed or not in the layout.
 */
export async function readWinkJson(path: string, onProgress?: (fraction: number) => void): Promise<GloveTable> {
  const handler = new WinkHandler();
  const parser = new JsonStream(handler);
  try {
    const total = (await stat(path)).size;
    let read = 0;
    let nextReport = 0.1;
    for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
      parser.write(chunk as Buffer);
      read += (chunk as Buffer).length;
      if (onProgress && read / total >= nextReport) {
        onProgress(read / total);
        nextReport += 0.1;
      }
    }
    parser.end();
  } catch (err) {
    const why = err instanceof LayoutError || err instanceof JsonStreamError ? err.message : String(err);
    throw new ModelError('encoder.unavailable', `Cannot read GloVe vectors from ${path}: ${why}.`, { cause: err });
  }
  const { matrix, words, dim, filled } = handler;
  if (!matrix || filled !== words.length) {
    throw new ModelError(
      'encoder.unavailable',
      `Cannot read GloVe vectors from ${path}: ${filled} of ${words.length} words have a vector.`,
    );
  }
  return { dim, words, matrix };
}
