import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

const here = path.dirname(fileURLToPath(import.meta.url));

// Offline machines cannot download Prisma's native schema engine, and `prisma generate`
// refuses to run without one. Point it at a stub unless the owner installed a real engine.
process.env['PRISMA_SCHEMA_ENGINE_BINARY'] ??= path.join(here, 'scripts', 'no-schema-engine.sh');

export default defineConfig({
  schema: path.join(here, 'prisma', 'schema.prisma'),
  migrations: { path: path.join(here, 'prisma', 'migrations') },
  datasource: {
    // Only `prisma migrate`/`studio` on an online machine read this; the app builds its own adapter.
    url: process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/attribot',
  },
});
