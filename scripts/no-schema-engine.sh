#!/bin/sh
# Stand-in for Prisma's native schema engine, which cannot be downloaded offline.
# `prisma generate` only checks that the binary exists; migrations are applied by
# attribot's own migrator (`attribot db migrate`). See README "Migrations".
echo "attribot: the Prisma schema engine is not installed here; use 'attribot db migrate' to apply migrations (set PRISMA_SCHEMA_ENGINE_BINARY to a real engine to use 'prisma migrate')." >&2
exit 1
