import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Storage } from '../core/ports.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { advisoryLocks, inProcessLocks } from './locks.js';
import { defaultMigrationsDir } from './migrate/migration-files.js';
import { migrate } from './migrate/migrator.js';
import { inProcessModelEvents, postgresModelEvents } from './model-events.js';
import { openPglite, type PgliteDriver } from './pglite/pglite-driver.js';
import { fastByteaPglite } from './pglite/fast-bytea.js';
import { openPostgres, type PoolOptions } from './postgres-driver.js';
import { prismaAuditRepo } from './prisma/audit-repo.js';
import { prismaDashboardAuthRepo } from './prisma/dashboard-auth-repo.js';
import { prismaDashboardReadRepo } from './prisma/dashboard-read-repo.js';
import { prismaEmbeddingRepo } from './prisma/embedding-repo.js';
import { prismaExampleRepo } from './prisma/example-repo.js';
import { prismaFeedbackRepo } from './prisma/feedback-repo.js';
import { prismaModelRepo } from './prisma/model-repo.js';
import { prismaPredictionRepo } from './prisma/prediction-repo.js';
import { prismaQuarantineRepo } from './prisma/quarantine-repo.js';
import { prismaRetrainQueue } from './prisma/retrain-queue.js';
import { prismaRunRepo } from './prisma/run-repo.js';
import { prismaTaughtArchive } from './prisma/taught-archive-repo.js';
import { retrying } from './retry.js';
import type { SqlDriver } from './sql-driver.js';

export interface StorageOptions {
  /** PostgreSQL URL; when absent, PGlite in `pgliteDir`. */
  databaseUrl: string | undefined;
  pgliteDir: string;
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  migrationsDir?: string;
  onMigrationApplied?: (name: string) => void;
  /** PostgreSQL pool size and how long a query may wait for a connection (defaults 10, 5 s). */
  pool?: PoolOptions;
  /** Lost LISTEN connections and failed reconnects (they are retried) are reported here. */
  onEventsError?: (err: unknown) => void;
}

/** Opens the raw SQL driver only (for `attribot db ...`). */
export async function openDriver(opts: Pick<StorageOptions, 'databaseUrl' | 'pgliteDir'>): Promise<SqlDriver> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(opts.pgliteDir);
}

/**
 * Opens the database (PostgreSQL when a URL is given, embedded PGlite otherwise), migrates it,
 * and returns every repository behind the core's {@link Storage} port.
 */
export async function openStorage(opts: StorageOptions): Promise<Storage> {
  const driver = opts.databaseUrl ? await openPostgres(opts.databaseUrl, opts.pool) : await openPglite(opts.pgliteDir);
  try {
    if (opts.migrate !== false) {
      await migrate(driver, opts.migrationsDir ?? defaultMigrationsDir, opts.onMigrationApplied);
    }
  } catch (err) {
    await driver.close();
    throw err;
  }
  const pg = 'pool' in driver && opts.databaseUrl ? { pool: driver.pool, url: opts.databaseUrl } : undefined;
  const adapter = pg ? new PrismaPg(pg.pool) : new PrismaPGlite(fastByteaPglite((driver as PgliteDriver).db));
  const prisma = new PrismaClient({ adapter });
  const pgEvents = pg ? postgresModelEvents(pg.pool, pg.url, opts.onEventsError ? { onError: opts.onEventsError } : {}) : undefined;
  const events = pgEvents ?? inProcessModelEvents();
  return {
    kind: driver.kind,
    // The vote path (map a message, store or retract a vote, audit it, store a posted message id)
    // survives a full pool or a restarting server; reads elsewhere fail fast as before.
    predictions: retrying(prismaPredictionRepo(prisma), { idempotent: ['attachMessage', 'findByMessage', 'get'], other: ['create'] }),
    feedback: retrying(prismaFeedbackRepo(prisma), { idempotent: ['record', 'retract', 'listForPrediction'] }),
    examples: prismaExampleRepo(prisma),
    models: prismaModelRepo(prisma),
    runs: prismaRunRepo(prisma),
    embeddings: prismaEmbeddingRepo(prisma),
    audit: retrying(prismaAuditRepo(prisma), { idempotent: [], other: ['append'] }),
    retrainQueue: prismaRetrainQueue(prisma),
    quarantine: prismaQuarantineRepo(prisma),
    dashboardAuth: prismaDashboardAuthRepo(prisma),
    dashboardReads: prismaDashboardReadRepo(prisma),
    archive: prismaTaughtArchive(prisma),
    locks: driver.kind === 'postgres' ? advisoryLocks(driver) : inProcessLocks(),
    events,
    async ping() {
      await driver.withSession((s) => s.query('SELECT 1'));
    },
    async close() {
      await pgEvents?.close();
      await prisma.$disconnect();
      await driver.close();
    },
  };
}
