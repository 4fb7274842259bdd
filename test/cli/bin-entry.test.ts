import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);

/** A project folder with the real bin/attribot.js, a one-line dist/ and src/, and the real node_modules. */
async function project(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-bin-'));
  await fs.mkdir(path.join(dir, 'bin'));
  await fs.copyFile(path.join(ROOT, 'bin', 'attribot.js'), path.join(dir, 'bin', 'attribot.js'));
  await fs.writeFile(path.join(dir, 'package.json'), '{"type":"module"}');
  await fs.symlink(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
  await fs.mkdir(path.join(dir, 'src', 'cli'), { recursive: true });
  await fs.writeFile(path.join(dir, 'src', 'cli', 'index.ts'), "const from: string = 'sources';\nconsole.log(from);\n");
  await fs.mkdir(path.join(dir, 'dist', 'cli'), { recursive: true });
  await fs.writeFile(path.join(dir, 'dist', 'cli', 'index.js'), "console.log('compiled');\n");
  return dir;
}

const setTime = (file: string, secondsAgo: number) => fs.utimes(file, new Date(Date.now() - secondsAgo * 1000), new Date(Date.now() - secondsAgo * 1000));

describe('bin/attribot.js: compiled while dist/ is newer than the sources, else the sources through tsx', () => {
  let dir: string;
  const start = async () => {
    const { stdout, stderr } = await run(process.execPath, [path.join(dir, 'bin', 'attribot.js')]);
    return { runs: stdout.trim(), stderr };
  };
  beforeAll(async () => {
    dir = await project();
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('runs dist/ when it was built after the last source change', async () => {
    await setTime(path.join(dir, 'src', 'cli', 'index.ts'), 60);
    await setTime(path.join(dir, 'dist', 'cli', 'index.js'), 30);
    expect(await start()).toEqual({ runs: 'compiled', stderr: '' });
  });

  it('runs the sources, and says so, once a source file is newer than the build (the generated client does not count)', async () => {
    await fs.mkdir(path.join(dir, 'src', 'generated'), { recursive: true });
    await fs.writeFile(path.join(dir, 'src', 'generated', 'client.ts'), 'export {};\n');
    expect((await start()).runs).toBe('compiled');
    await fs.writeFile(path.join(dir, 'src', 'errors.ts'), 'export {};\n');
    const edited = await start();
    expect(edited.runs).toBe('sources');
    expect(edited.stderr).toMatch(/sources changed since the last build/);
  });

  it('keeps running dist/ when only a test file changed (tests are not compiled into dist/)', async () => {
    for (const file of ['cli/index.ts', 'errors.ts']) await setTime(path.join(dir, 'src', file), 60);
    await setTime(path.join(dir, 'dist', 'cli', 'index.js'), 30);
    await fs.writeFile(path.join(dir, 'src', 'cli', 'index.test.ts'), 'export {};\n');
    expect(await start()).toEqual({ runs: 'compiled', stderr: '' });
  });

  it('runs dist/ where there are no sources (the Docker image), and the sources where nothing was built', async () => {
    await fs.rm(path.join(dir, 'src'), { recursive: true });
    expect((await start()).runs).toBe('compiled');
    await fs.mkdir(path.join(dir, 'src', 'cli'), { recursive: true });
    await fs.writeFile(path.join(dir, 'src', 'cli', 'index.ts'), "console.log('sources');\n");
    await fs.rm(path.join(dir, 'dist'), { recursive: true });
    expect(await start()).toEqual({ runs: 'sources', stderr: '' });
  });
});
