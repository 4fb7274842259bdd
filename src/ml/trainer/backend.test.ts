import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { TrainingError } from '../../errors.js';
import { selectBackend, type BackendChoice } from './backend.js';
import { findNativeAddon, findPackageDir } from './native-addon.js';

function nativeUsable(packageName: string): boolean {
  const dir = findPackageDir(packageName);
  return dir !== undefined && findNativeAddon(dir) !== undefined;
}

const hasNative = nativeUsable('@tensorflow/tfjs-node') || nativeUsable('@tensorflow/tfjs-node-gpu');

describe('selectBackend', () => {
  it.skipIf(hasNative)('auto falls back to onnxruntime here and says why it skipped the native backends', async () => {
    const info = await selectBackend('auto');
    expect(info.backend).toBe('onnx');
    expect(info.device).toBe('CPU (onnxruntime)');
    expect(info.skipped).toHaveLength(2);
    expect(info.skipped[0]).toMatch(/^tensorflow-gpu: @tensorflow\/tfjs-node-gpu is (not installed|installed without its native addon)/);
    expect(info.skipped[1]).toMatch(/^tensorflow: @tensorflow\/tfjs-node is (not installed|installed without its native addon)/);
  });

  it.skipIf(hasNative)('a strict tensorflow request fails with a clear TrainingError', async () => {
    const attempt = selectBackend('tensorflow');
    await expect(attempt).rejects.toThrow(TrainingError);
    await expect(attempt).rejects.toThrow(/The "tensorflow" training backend is not usable here: @tensorflow\/tfjs-node is/);
    // The failed request left the earlier backend in place and registered nothing.
    expect(tf.findBackendFactory('tensorflow')).toBeNull();
  });

  it('can be forced to the pure-JS cpu backend and back to wasm', async () => {
    await expect(selectBackend('cpu')).resolves.toMatchObject({ backend: 'cpu', device: 'CPU (JavaScript)', skipped: [] });
    expect(tf.getBackend()).toBe('cpu');
    await expect(selectBackend('wasm')).resolves.toMatchObject({ backend: 'wasm' });
    expect(tf.getBackend()).toBe('wasm');
  });

  it('rejects an unknown choice', async () => {
    await expect(selectBackend('webgpu' as BackendChoice)).rejects.toThrow(/Unknown training backend "webgpu"/);
  });
});
