import type { PrismaPg } from '@prisma/adapter-pg';
import type { PrismaPGlite } from 'pglite-prisma-adapter';
import type { ModelEvents, Storage } from '../core/ports.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { inProcessModelEvents } from './in-process-model-events.js';
import { advisoryLocks, inProcessLocks } from './locks.js';
import { defaultMigrationsDir } from './migrate/migration-files.js';
import { migrate } from './migrate/migrator.js';
import type { PoolOptions } from './postgres-driver.js';
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

/** One database opened: its raw driver, and what Prisma and the model events need on it. */
interface Connection {
  driver: SqlDriver;
  /** Prisma's driver adapter on the same database. */
  adapter(): PrismaPg | PrismaPGlite;
  /** Created after migrating: PostgreSQL's LISTEN connection needs the tables. */
  events(): ModelEvents & { close?(): Promise<void> };
}

// Each database loads only its own modules (dynamic imports): `pg` and its Prisma adapter take
// ~0.2 s to load on their own, which a command on the embedded database (`attribot models list`)
// never needs; a PostgreSQL process never loads PGlite's 15 MB of wasm and data.

async function connectPostgres(url: string, opts: StorageOptions): Promise<Connection> {
  const [{ openPostgres }, { PrismaPg }, { postgresModelEvents }] = await Promise.all([
    import('./postgres-driver.js'),
    import('@prisma/adapter-pg'),
    import('./model-events.js'),
  ]);
  const driver = await openPostgres(url, opts.pool);
  return {
    driver,
    adapter: () => new PrismaPg(driver.pool),
    events: () => postgresModelEvents(driver.pool, url, opts.onEventsError ? { onError: opts.onEventsError } : {}),
  };
}

async function connectPglite(dir: string): Promise<Connection> {
  const [{ openPglite }, { PrismaPGlite }, { fastByteaPglite }] = await Promise.all([
    import('./pglite/pglite-driver.js'),
    import('pglite-prisma-adapter'),
    import('./pglite/fast-bytea.js'),
  ]);
  const driver = await openPglite(dir);
  return { driver, adapter: () => new PrismaPGlite(fastByteaPglite(driver.db)), events: inProcessModelEvents };
}

/** Migrates the database (unless told not to) and creates the Prisma client; closes it when either fails. */
async function prepare(connection: Connection, client: Promise<{ PrismaClient: typeof PrismaClient }>, opts: StorageOptions): Promise<PrismaClient> {
  try {
    if (opts.migrate !== false) {
      await migrate(connection.driver, opts.migrationsDir ?? defaultMigrationsDir, opts.onMigrationApplied);
    }
    const { PrismaClient: Client } = await client;
    return new Client({ adapter: connection.adapter() });
  } catch (err) {
    await connection.driver.close();
    throw err;
  }
}

/** Opens the raw SQL driver only (for `attribot db ...`). */
export async function openDriver(opts: Pick<StorageOptions, 'databaseUrl' | 'pgliteDir'>): Promise<SqlDriver> {
  if (opts.databaseUrl) {
    const { openPostgres } = await import('./postgres-driver.js');
    return openPostgres(opts.databaseUrl);
  }
  const { openPglite } = await import('./pglite/pglite-driver.js');
  return openPglite(opts.pgliteDir);
}

/**
 * Opens the database (PostgreSQL when a URL is given, embedded PGlite otherwise), migrates it,
 * and returns every repository behind the core's {@link Storage} port.
 */
export async function openStorage(opts: StorageOptions): Promise<Storage> {
  // The generated client loads while the database starts (PGlite spends part of its start-up
  // waiting for its files and wasm compile). Its failure is reported by the `await` below.
  const client = import('../generated/prisma/client.js');
  client.catch(() => undefined);
  const connection = opts.databaseUrl ? await connectPostgres(opts.databaseUrl, opts) : await connectPglite(opts.pgliteDir);
  const { driver } = connection;
  const prisma = await prepare(connection, client, opts);
  const events = connection.events();
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
      await events.close?.();
      await prisma.$disconnect();
      await driver.close();
    },
  };
}
