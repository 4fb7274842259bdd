import type { PGlite, Transaction } from '@electric-sql/pglite';

/** PostgreSQL's type oid for `bytea`. */
const BYTEA_OID = 17;

type QueryOptions = { parsers?: Record<number, (value: string, typeId?: number) => unknown> } & Record<string, unknown>;

/**
 * Decodes PostgreSQL's hex bytea text (`\x0a1b…`) with one `Buffer.from(…, 'hex')`.
 *
 * @example parseByteaHex('\\x0aff') // Uint8Array [10, 255]
 */
export function parseByteaHex(text: string): Uint8Array {
  const buf = Buffer.from(text.slice(2), 'hex');
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}

function withFastParser(options: unknown): unknown {
  if (typeof options !== 'object' || options === null) return options;
  const o = options as QueryOptions;
  if (!o.parsers || !(BYTEA_OID in o.parsers)) return options;
  return { ...o, parsers: { ...o.parsers, [BYTEA_OID]: parseByteaHex } };
}

function wrapQueryable<T extends PGlite | Transaction>(target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value: unknown = Reflect.get(obj, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop === 'query') {
        return (sql: string, params?: unknown[], options?: unknown) => (obj.query as (s: string, p?: unknown[], o?: unknown) => unknown).call(obj, sql, params, withFastParser(options));
      }
      if (prop === 'transaction') {
        return (fn: (tx: Transaction) => Promise<unknown>) => (obj as PGlite).transaction((tx) => fn(wrapQueryable(tx)));
      }
      return (value as (...args: unknown[]) => unknown).bind(obj);
    },
  });
}

/**
 * The PGlite handle given to Prisma's PGlite adapter, with its bytea parser replaced. The adapter
 * (pglite-prisma-adapter 0.7) decodes each byte with `parseInt` through `Uint8Array.from` and a
 * callback — about 1 s at start-up for the model blob and the phrase-memory embeddings, plus the
 * garbage it leaves. Same bytes, decoded natively; every other parser is the adapter's own.
 */
export function fastByteaPglite(db: PGlite): PGlite {
  return wrapQueryable(db);
}
