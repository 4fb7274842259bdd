import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINI_GLOVE_PATH } from '../fixtures/glove/mini-glove.js';

/** Runs `attribot start` at the console with `input` on its stdin; resolves with its output when it exits. */
function startConsole(env: Record<string, string>, input: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'start'], { env: { PATH: process.env['PATH'] ?? '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

describe('attribot start at the console (a real process, its real stdin)', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-start-'));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('keeps the logs out of the conversation (in the data dir), shows a prompt and answers', async () => {
    const dataDir = path.join(dir, 'data');
    const env = { ATTRIBOT_DATA_DIR: dataDir, ENCODER: 'glove', GLOVE_SOURCE: MINI_GLOVE_PATH, TRAIN_BACKEND: 'wasm', AUTO_SEED: 'false', LOG_LEVEL: 'info', HOME: dir };
    const r = await startConsole(env, 'huge\n/attribute-admin status\n/quit\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`logs in ${path.join(dataDir, 'attribot.log')}`);
    expect(r.stdout).toContain('you> ');
    expect(r.stdout).toContain('“huge” →');
    expect(r.stdout).toMatch(/active model: none/);
    // No JSON log line anywhere a person reads: stdout or the terminal's stderr.
    expect(r.stdout).not.toMatch(/"level":/);
    expect(r.stderr).not.toMatch(/"level":/);
    expect(await fs.readFile(path.join(dataDir, 'attribot.log'), 'utf8')).toMatch(/"level":30/);
  }, 300_000);
});
