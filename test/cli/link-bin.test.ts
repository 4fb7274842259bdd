import { spawnSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { linkBin } from '../../scripts/link-bin.mjs';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
});

describe('the attribot command in node_modules/.bin (postinstall)', () => {
  it('links bin/attribot.js, and links it again over an old link', async () => {
    const root = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-link-'));
    dirs.push(root);
    await fs.mkdir(path.join(root, 'bin'));
    await fs.writeFile(path.join(root, 'bin', 'attribot.js'), '#!/usr/bin/env node\n');
    expect(linkBin(root)).toBe(true);
    expect(linkBin(root)).toBe(true);
    const link = path.join(root, 'node_modules', '.bin', 'attribot');
    expect(await fs.readlink(link)).toBe(path.join('..', '..', 'bin', 'attribot.js'));
    expect(await fs.realpath(link)).toBe(await fs.realpath(path.join(root, 'bin', 'attribot.js')));
  });

  it('is what `npx attribot` runs in this checkout, with nothing to install (package.json has no bin)', async () => {
    const pkg = JSON.parse(await fs.readFile('package.json', 'utf8')) as { bin?: unknown };
    expect(pkg.bin).toBeUndefined();
    // --no: fail rather than install anything; the link is what npm ci's postinstall made.
    const run = spawnSync('npx', ['--no', '--', 'attribot', '--help'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/models/);
  });
});
