import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findNativeAddon, findPackageDir } from './native-addon.js';

const root = mkdtempSync(join(tmpdir(), 'attribot-addon-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function fakePackage(name: string, napiDirs: readonly string[], withBinding: boolean): string {
  const dir = join(root, 'node_modules', ...name.split('/'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, main: 'index.js' }));
  writeFileSync(join(dir, 'index.js'), '');
  for (const napi of napiDirs) {
    mkdirSync(join(dir, 'lib', napi), { recursive: true });
    if (withBinding) writeFileSync(join(dir, 'lib', napi, 'tfjs_binding.node'), '');
  }
  return dir;
}

describe('findPackageDir and findNativeAddon', () => {
  const from = pathToFileURL(join(root, 'app.js'));

  it('finds an installed package and its newest native addon', () => {
    const dir = fakePackage('@fake/tfjs-node', ['napi-v6', 'napi-v8'], true);
    expect(findPackageDir('@fake/tfjs-node', from)).toBe(dir);
    expect(findNativeAddon(dir)).toBe(join(dir, 'lib', 'napi-v8', 'tfjs_binding.node'));
  });

  it('reports a package whose install script failed (no binding) as having no addon', () => {
    const dir = fakePackage('@fake/broken-node', ['napi-v8'], false);
    expect(findNativeAddon(dir)).toBeUndefined();
    expect(findNativeAddon(join(root, 'nowhere'))).toBeUndefined();
  });

  it('returns undefined for a package that is not installed', () => {
    expect(findPackageDir('@fake/absent', from)).toBeUndefined();
  });

  it('finds the real wasm backend package', () => {
    expect(findPackageDir('@tensorflow/tfjs-backend-wasm')).toMatch(/tfjs-backend-wasm$/);
  });
});
