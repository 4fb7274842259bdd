/* global console */
// Links the attribot command into node_modules/.bin, where `npx attribot` finds it at once. With a
// `bin` entry for attribot in package.json instead, npm's exec installs the project into its _npx
// cache as a link and reads the whole dependency tree twice before it runs anything (≈ 0.8 s of
// every command on 2 cores: docs/deployment.md, "Start-up times").
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Creates (or replaces) `root/node_modules/.bin/attribot` → `../../bin/attribot.js` (git keeps
 * that file executable; in a Docker stage that installs before copying the sources, the link waits
 * for it).
 * @param {string} root the project folder
 * @returns {boolean} whether the link is there
 */
export function linkBin(root) {
  const bin = join(root, 'node_modules', '.bin');
  try {
    mkdirSync(bin, { recursive: true });
    rmSync(join(bin, 'attribot'), { force: true });
    symlinkSync(join('..', '..', 'bin', 'attribot.js'), join(bin, 'attribot'));
    return true;
  } catch (err) {
    console.error(`attribot postinstall: could not link node_modules/.bin/attribot (${String(err)}); run \`node bin/attribot.js <command>\` instead of npx`);
    return false;
  }
}
