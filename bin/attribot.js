#!/usr/bin/env node
/* global URL, process */
// Runs the compiled CLI (dist/, built by `npm ci` or `npm run build`) while it is newer than every
// source file, otherwise the TypeScript sources through tsx: an edited checkout never runs stale
// code, and an unchanged one starts without tsx's loader (1–3 s per start on 2 cores).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const compiled = fileURLToPath(new URL('../dist/cli/index.js', import.meta.url));
const sources = fileURLToPath(new URL('../src', import.meta.url));

/**
 * The newest modification time (ms) of what dist/ is compiled from under `dir`: every `.ts` but
 * tests (tsconfig.build.json leaves them out, so editing one must not send the CLI through tsx)
 * and the generated Prisma client.
 */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'generated') latest = Math.max(latest, newest(path));
    } else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) {
      latest = Math.max(latest, statSync(path).mtimeMs);
    }
  }
  return latest;
}

// No sources (the Docker image ships dist/ only): the compiled CLI is all there is.
const fresh = existsSync(compiled) && (!existsSync(join(sources, 'cli', 'index.ts')) || newest(sources) <= statSync(compiled).mtimeMs);
if (fresh) {
  await import(compiled);
} else {
  if (existsSync(compiled)) process.stderr.write('attribot: the sources changed since the last build: running them through tsx (`npm run build` compiles them again)\n');
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/cli/index.ts', import.meta.url).href);
}
