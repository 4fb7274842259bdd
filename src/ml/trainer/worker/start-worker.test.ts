import { describe, expect, it } from 'vitest';
import { siblingModule, startWorker } from './start-worker.js';

describe('siblingModule', () => {
  it('keeps the calling module\'s extension', () => {
    expect(siblingModule('file:///app/src/a/train-in-worker.ts', 'train-worker').href).toBe('file:///app/src/a/train-worker.ts');
    expect(siblingModule('file:///app/dist/a/train-in-worker.js', 'train-worker').href).toBe('file:///app/dist/a/train-worker.js');
  });
});

describe('startWorker', () => {
  it('runs a TypeScript entry through tsx', async () => {
    const entry = new URL('./messages.ts', import.meta.url);
    const worker = startWorker(entry);
    // messages.ts only declares things: a clean exit shows the TypeScript module loaded.
    await expect(new Promise((resolve, reject) => worker.on('exit', resolve).on('error', reject))).resolves.toBe(0);
  });
});
