import { PGlite } from '@electric-sql/pglite';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastByteaPglite, parseByteaHex } from './fast-bytea.js';

describe('fastByteaPglite', () => {
  let db: PGlite;
  beforeAll(async () => {
    db = await PGlite.create();
    await db.exec('CREATE TABLE blobs (id int PRIMARY KEY, data bytea, many bytea[])');
  });
  afterAll(async () => {
    await db.close();
  });

  it('decodes hex bytea like the textbook definition', () => {
    expect([...parseByteaHex('\\x00ff10a5')]).toEqual([0, 255, 16, 165]);
    expect(parseByteaHex('\\x').length).toBe(0);
  });

  it('reads bytea through the Prisma adapter with the same bytes, in and out of transactions', async () => {
    const bytes = Uint8Array.from({ length: 70_001 }, (_, i) => (i * 7919) % 256);
    await db.query('INSERT INTO blobs (id, data, many) VALUES (1, $1, ARRAY[$2::bytea])', [bytes, new Uint8Array([1, 2, 3])]);
    const read = async (wrap: boolean) => {
      const adapter = await new PrismaPGlite(wrap ? fastByteaPglite(db) : db).connect();
      const sql = { sql: 'SELECT data, many FROM blobs WHERE id = 1', args: [], argTypes: [] };
      const plain = await adapter.queryRaw(sql);
      const tx = await adapter.startTransaction();
      const inTx = await tx.queryRaw(sql);
      await tx.commit();
      return [plain.rows, inTx.rows];
    };
    const [fast, slow] = [await read(true), await read(false)];
    expect(fast).toEqual(slow);
    const first = fast[0]?.[0]?.[0];
    expect(first).toBeInstanceOf(Uint8Array);
    expect([...(first as Uint8Array)]).toEqual([...bytes]);
  });
});
