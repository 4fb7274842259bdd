import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openStorage } from '../../src/storage/open-storage.js';
import { createTempDatabase } from '../support/pg-database.js';
import { describeArchiveContract } from './archive-contract.js';
import { describeStorageContract } from './storage-contract.js';
import { describeVoteContract } from './vote-contract.js';

const postgres = async () => {
  const db = await createTempDatabase();
  const storage = await openStorage({ databaseUrl: db.url, pgliteDir: '' });
  return { storage, cleanup: () => db.drop() };
};

const pglite = async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-pglite-'));
  const storage = await openStorage({ databaseUrl: undefined, pgliteDir: dir });
  return { storage, cleanup: () => fs.rm(dir, { recursive: true, force: true }) };
};

describeStorageContract('PostgreSQL', postgres);
describeStorageContract('PGlite', pglite);
describeVoteContract('PostgreSQL', postgres);
describeVoteContract('PGlite', pglite);
describeArchiveContract('PostgreSQL', postgres);
describeArchiveContract('PGlite', pglite);
