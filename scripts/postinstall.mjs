#!/usr/bin/env node
/* global console, process */
// `npm ci`'s last step: generate the Prisma client, then compile the CLI into dist/ so that
// `npm start` and `npx attribot …` start without tsx's loader (1–3 s per start on 2 cores).
// The compile is skipped where there is nothing to compile with (the Docker stages install before
// the sources are copied, or without dev dependencies); bin/attribot.js then runs the sources
// through tsx, and uses dist/ only while it is newer than every source file.
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { linkBin } from './link-bin.mjs';

/** @type {(bin: string, args: string[]) => boolean} */
const run = (bin, args) => spawnSync(process.execPath, [bin, ...args], { stdio: 'inherit' }).status === 0;
const require = createRequire(import.meta.url);
/** @type {(id: string) => string | undefined} */
const resolve = (id) => {
  try {
    return require.resolve(id);
  } catch {
    return undefined;
  }
};

const prisma = resolve('prisma/build/index.js');
if (prisma === undefined || !run(prisma, ['generate'])) {
  console.error('attribot postinstall: prisma generate failed');
  process.exit(1);
}

linkBin(process.cwd());

const tsc = resolve('typescript/bin/tsc');
if (tsc === undefined || !existsSync('src/cli/index.ts')) process.exit(0);
if (!run(tsc, ['-p', 'tsconfig.build.json'])) {
  // A failed compile must not fail the install: the sources still run through tsx.
  rmSync('dist', { recursive: true, force: true });
  console.error('attribot postinstall: the compile failed; `npm start` runs the sources through tsx instead');
}
