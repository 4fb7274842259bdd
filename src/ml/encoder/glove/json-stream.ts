/**
 * A push-style streaming JSON parser: feed it byte chunks, it calls a handler per structural event.
 * It exists because `JSON.parse` of the 307 MB GloVe file needs ~1 GB of memory, too much for a
 * small host; this one holds only the current chunk.
 */

import { parseJsonNumber } from './json-number.js';

/** Receives parse events in document order. */
export interface JsonHandler {
  open(kind: 'object' | 'array'): void;
  close(): void;
  key(name: string): void;
  value(v: string | number | boolean | null): void;
}

/** Thrown for malformed or truncated JSON; the caller turns it into an application error. */
export class JsonStreamError extends Error {}

const WS = new Uint8Array(256);
for (const c of [0x20, 0x09, 0x0a, 0x0d]) WS[c] = 1;
const NUM = new Uint8Array(256);
for (const c of '0123456789+-.eE') NUM[c.charCodeAt(0)] = 1;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** What the grammar allows next. */
const enum Expect {
  Value,
  KeyOrClose,
  Key,
  Colon,
  CommaOrClose,
  ValueOrClose,
  End,
}

/**
 * Incremental parser. Call {@link JsonStream.write} per chunk and {@link JsonStream.end} once; a
 * token cut by a chunk boundary is carried over to the next chunk.
 */
export class JsonStream {
  private readonly stack: number[] = []; // 0 = object, 1 = array
  private expect: Expect = Expect.Value;
  private carry: Buffer | null = null;
  private offset = 0;

  constructor(private readonly handler: JsonHandler) {}

  write(chunk: Buffer): void {
    const buf = this.carry ? Buffer.concat([this.carry, chunk]) : chunk;
    this.carry = null;
    const consumed = this.scan(buf, false);
    if (consumed < buf.length) this.carry = Buffer.from(buf.subarray(consumed));
    this.offset += consumed;
  }

  end(): void {
    if (this.carry) {
      const buf = this.carry;
      this.carry = null;
      this.scan(buf, true);
    }
    if (this.expect !== Expect.End) throw new JsonStreamError(`JSON ends early (truncated file?) at byte ${this.offset}`);
  }

  /** Scans complete tokens; returns the number of bytes consumed. */
  private scan(buf: Buffer, final: boolean): number {
    const n = buf.length;
    let i = 0;
    while (i < n) {
      const c = buf[i]!;
      if (WS[c]) {
        i++;
        continue;
      }
      if (c === QUOTE) {
        let j = i + 1;
        let escaped = false;
        while (j < n && buf[j] !== QUOTE) {
          if (buf[j] === BACKSLASH) {
            escaped = true;
            j++;
          }
          j++;
        }
        if (j >= n) {
          if (final) this.fail(i, 'unterminated string');
          return i;
        }
        const s = escaped ? (JSON.parse(buf.toString('utf8', i, j + 1)) as string) : buf.toString('utf8', i + 1, j);
        this.onString(s, i);
        i = j + 1;
      } else if (NUM[c]) {
        let j = i + 1;
        while (j < n && NUM[buf[j]!]) j++;
        if (j >= n && !final) return i;
        const v = parseJsonNumber(buf, i, j);
        if (Number.isNaN(v)) this.fail(i, 'malformed number');
        this.onScalar(v, i);
        i = j;
      } else if (c >= 0x61 && c <= 0x7a) {
        let j = i + 1;
        while (j < n && buf[j]! >= 0x61 && buf[j]! <= 0x7a) j++;
        if (j >= n && !final) return i;
        const word = buf.toString('latin1', i, j);
        if (word === 'true') this.onScalar(true, i);
        else if (word === 'false') this.onScalar(false, i);
        else if (word === 'null') this.onScalar(null, i);
        else this.fail(i, `unexpected "${word}"`);
        i = j;
      } else {
        this.onPunct(c, i);
        i++;
      }
    }
    return i;
  }

  private onString(s: string, at: number): void {
    if (this.expect === Expect.KeyOrClose || this.expect === Expect.Key) {
      this.handler.key(s);
      this.expect = Expect.Colon;
    } else this.onScalar(s, at);
  }

  private onScalar(v: string | number | boolean | null, at: number): void {
    if (this.expect !== Expect.Value && this.expect !== Expect.ValueOrClose) this.fail(at, 'unexpected value');
    this.handler.value(v);
    this.afterValue();
  }

  private afterValue(): void {
    this.expect = this.stack.length === 0 ? Expect.End : Expect.CommaOrClose;
  }

  private onPunct(c: number, at: number): void {
    const e = this.expect;
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (e !== Expect.Value && e !== Expect.ValueOrClose) this.fail(at, `unexpected "${String.fromCharCode(c)}"`);
      const isObject = c === 0x7b;
      this.stack.push(isObject ? 0 : 1);
      this.handler.open(isObject ? 'object' : 'array');
      this.expect = isObject ? Expect.KeyOrClose : Expect.ValueOrClose;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      const isObject = c === 0x7d;
      const top = this.stack[this.stack.length - 1];
      const emptyClose = isObject ? Expect.KeyOrClose : Expect.ValueOrClose;
      if (top !== (isObject ? 0 : 1) || (e !== Expect.CommaOrClose && e !== emptyClose)) {
        this.fail(at, `unexpected "${String.fromCharCode(c)}"`);
      }
      this.stack.pop();
      this.handler.close();
      this.afterValue();
    } else if (c === 0x3a /* : */) {
      if (e !== Expect.Colon) this.fail(at, 'unexpected ":"');
      this.expect = Expect.Value;
    } else if (c === 0x2c /* , */) {
      if (e !== Expect.CommaOrClose) this.fail(at, 'unexpected ","');
      this.expect = this.stack[this.stack.length - 1] === 0 ? Expect.Key : Expect.Value;
    } else {
      this.fail(at, `unexpected byte 0x${c.toString(16)}`);
    }
  }

  private fail(at: number, problem: string): never {
    throw new JsonStreamError(`${problem} at byte ${this.offset + at}`);
  }
}
