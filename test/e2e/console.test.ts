import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { runConsoleAdapter } from '../../src/adapters/console/console-adapter.js';
import { pngSize } from '../support/png.js';
import { useTestApp } from '../support/test-app.js';

describe('console: /attribute-admin stats', () => {
  const app = useTestApp();

  it('prints the stats and writes the chart PNG into the files folder, printing its path', async () => {
    const filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-console-'));
    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (c: Buffer) => (printed += c.toString('utf8')));
    const run = runConsoleAdapter({ core: app().core, input, output, logger: pino({ level: 'silent' }), filesDir });
    input.end('/attribute-admin stats\n');
    await run;

    expect(printed).toMatch(/held-out top-1 by model version:\n {2}v\d+ active/);
    const saved = /\(attribot-accuracy\.png saved to (.+\.png)\)/.exec(printed)?.[1] ?? '';
    expect(path.dirname(saved)).toBe(filesDir);
    expect(pngSize(await fs.readFile(saved))).toEqual({ width: 800, height: 450 });
    await fs.rm(filesDir, { recursive: true, force: true });
  });
});
