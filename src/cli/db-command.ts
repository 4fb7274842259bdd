import type { RegisterCommand } from './context.js';
import { ensureDataDir, requireExistingDatabase } from './with-storage.js';

/**
 * `attribot db migrate|status`: apply or list migrations on the configured database. `status`
 * never creates an embedded database (it says where it looked instead).
 */
export const registerDbCommand: RegisterCommand = (program, ctx) => {
  const db = program.command('db').description('database migrations');
  db.command('migrate')
    .description('apply pending migrations (also done automatically at start-up)')
    .action(async () => {
      const [{ openDriver }, { migrate }, { defaultMigrationsDir }] = await Promise.all([
        import('../storage/open-storage.js'),
        import('../storage/migrate/migrator.js'),
        import('../storage/migrate/migration-files.js'),
      ]);
      ensureDataDir(ctx.config());
      const driver = await openDriver(ctx.config());
      try {
        const { applied } = await migrate(driver, defaultMigrationsDir, (name) => ctx.out(`applied ${name}`));
        ctx.out(applied.length === 0 ? `${driver.location}: up to date` : `${driver.location}: applied ${applied.length} migration(s)`);
      } finally {
        await driver.close();
      }
    });
  db.command('status')
    .description('list applied and pending migrations')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      requireExistingDatabase(ctx.config());
      const [{ openDriver }, { migrationStatus }, { defaultMigrationsDir }] = await Promise.all([
        import('../storage/open-storage.js'),
        import('../storage/migrate/migrator.js'),
        import('../storage/migrate/migration-files.js'),
      ]);
      const driver = await openDriver(ctx.config());
      try {
        const status = await migrationStatus(driver, defaultMigrationsDir);
        if (opts.json) {
          ctx.out(JSON.stringify(status));
          return;
        }
        ctx.out(`${driver.location}`);
        for (const n of status.applied) ctx.out(`  applied  ${n}`);
        for (const n of status.pending) ctx.out(`  pending  ${n}`);
        for (const n of status.unknown) ctx.out(`  unknown  ${n} (in the database, not in prisma/migrations)`);
        ctx.out(status.pending.length === 0 ? 'up to date' : `${status.pending.length} pending: run attribot db migrate`);
      } finally {
        await driver.close();
      }
    });
};
