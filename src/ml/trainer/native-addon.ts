import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Finds an installed package's directory without importing it. Returns `undefined` when the
 * package is not installed.
 */
export function findPackageDir(packageName: string, from: string | URL = import.meta.url): string | undefined {
  const require = createRequire(from);
  try {
    return dirname(require.resolve(`${packageName}/package.json`));
  } catch {
    // Either absent, or its `exports` hide package.json: walk up from the entry point instead.
  }
  let entry: string;
  try {
    entry = require.resolve(packageName);
  } catch {
    return undefined;
  }
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && readName(manifest) === packageName) return dir;
  }
  return undefined;
}

/**
 * Path of the tfjs-node native addon (`lib/napi-v<N>/tfjs_binding.node`) inside `packageDir`, or
 * `undefined`. npm keeps the package's JavaScript even when its install script failed to download
 * libtensorflow; importing it then throws half-way and leaves duplicate kernel registrations
 * behind, so callers check this file first.
 */
export function findNativeAddon(packageDir: string): string | undefined {
  const lib = join(packageDir, 'lib');
  let entries: string[];
  try {
    entries = readdirSync(lib);
  } catch {
    return undefined;
  }
  const candidates = entries
    .filter((name) => /^napi-v\d+$/.test(name))
    .sort((a, b) => Number(b.slice(6)) - Number(a.slice(6)))
    .map((name) => join(lib, name, 'tfjs_binding.node'));
  return candidates.find((path) => existsSync(path));
}

function readName(manifest: string): string | undefined {
  try {
    const parsed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: unknown };
    return typeof parsed.name === 'string' ? parsed.name : undefined;
  } catch {
    return undefined;
  }
}
