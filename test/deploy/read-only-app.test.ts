import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse as parseDotenv } from 'dotenv';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINI_GLOVE_PATH } from '../fixtures/glove/mini-glove.js';
import { createTempDatabase, type TempDatabase } from '../support/pg-database.js';

const run = promisify(execFile);
// js-yaml (there through ESLint) ships no types; this is the one function used.
const { load: loadYaml } = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };
const ROOT = path.resolve(import.meta.dirname, '..', '..');
/** The unprivileged user the check runs as when this test runs as root (the image's `node` user is not root either). */
const NOBODY = 65_534;

/** `ENV A=1 B=2` lines of the Dockerfile's `cpu` stage: the image's environment. */
async function imageEnv(): Promise<Record<string, string>> {
  const dockerfile = await fs.readFile(path.join(ROOT, 'Dockerfile'), 'utf8');
  const stage = dockerfile.split(/^FROM /m).find((s) => /\bAS cpu\b/.test(s.split('\n')[0] ?? '')) ?? '';
  const env: Record<string, string> = {};
  for (const line of stage.split('\n').filter((l) => l.startsWith('ENV '))) {
    for (const [, k, v] of line.slice(4).matchAll(/(\w+)=(\S+)/g)) if (k && v) env[k] = v;
  }
  return env;
}

/** The bot service's environment as `docker compose up` builds it: image ENV < env_file (.env from .env.example) < `environment:`. */
async function composeEnv(dotenvText: string): Promise<Record<string, string>> {
  const compose = loadYaml(await fs.readFile(path.join(ROOT, 'compose.yaml'), 'utf8')) as { services: Record<string, { environment?: Record<string, string> }> };
  const dotenv = parseDotenv(dotenvText);
  // Compose interpolates ${VAR:-default} from the project's .env.
  const interpolate = (v: string) => v.replace(/\$\{(\w+)(?::-([^}]*))?\}/g, (_m, name: string, dflt?: string) => dotenv[name] || dflt || '');
  const declared = Object.fromEntries(Object.entries(compose.services['bot']?.environment ?? {}).map(([k, v]) => [k, interpolate(String(v))]));
  return { ...(await imageEnv()), ...dotenv, ...declared };
}

/** The app folder as the image lays it out: compiled `dist/`, package.json, prisma/, bin/, node_modules. */
async function assembleApp(app: string): Promise<void> {
  const entries: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    for (const e of await fs.readdir(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.ts') && !e.name.endsWith('.test.ts')) entries.push(p);
    }
  };
  await walk(path.join(ROOT, 'src'));
  // Same layout as `tsc -p tsconfig.build.json` (src/x.ts → dist/x.js), in a second rather than a minute.
  await build({ entryPoints: entries, outdir: path.join(app, 'dist'), outbase: path.join(ROOT, 'src'), format: 'esm', platform: 'node', target: 'node20', logLevel: 'error' });
  for (const item of ['package.json', 'prisma', 'bin']) await fs.cp(path.join(ROOT, item), path.join(app, item), { recursive: true });
  await fs.symlink(path.join(ROOT, 'node_modules'), path.join(app, 'node_modules'));
}

describe('deployment: the built app run by a non-root user from a read-only folder with the compose environment', () => {
  let dir: string;
  let db: TempDatabase;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-deploy-'));
    db = await createTempDatabase();
  });
  afterAll(async () => {
    await db?.drop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('.env.example keeps the image data dir and sets POSTGRES_PASSWORD; .dockerignore keeps node_modules, data and .env out', async () => {
    const example = await fs.readFile(path.join(ROOT, '.env.example'), 'utf8');
    const env = await composeEnv(example);
    expect(env['ATTRIBOT_DATA_DIR']).toBe('/data');
    expect(parseDotenv(example)['POSTGRES_PASSWORD']).toBeTruthy();
    expect(env['DATABASE_URL']).toBe(`postgresql://attribot:${parseDotenv(example)['POSTGRES_PASSWORD'] ?? ''}@db:5432/attribot`);
    const ignored = (await fs.readFile(path.join(ROOT, '.dockerignore'), 'utf8')).split('\n').map((l) => l.trim());
    for (const p of ['node_modules', 'data', '.env', '.git']) expect(ignored).toContain(p);
  });

  it('migrates, answers and lists models, writing only to the data dir', async () => {
    const app = path.join(dir, 'app');
    const data = path.join(dir, 'data');
    await assembleApp(app);
    await fs.mkdir(data);
    const asRoot = process.getuid?.() === 0;
    // Everything under `app` stays root's (not writable for the user); the data dir is the user's, like the /data volume.
    await fs.chmod(dir, 0o755);
    if (asRoot) await fs.chown(data, NOBODY, NOBODY);
    else await run('chmod', ['-R', 'a-w', app]);
    const composed = await composeEnv(await fs.readFile(path.join(ROOT, '.env.example'), 'utf8'));
    const env = {
      ...composed,
      PATH: process.env['PATH'] ?? '',
      HOME: app,
      // Where compose has the volume and the db service, this machine has a folder and a test database
      // (any other data dir, e.g. a relative one from .env, is kept: it must fail here as in the image).
      ATTRIBOT_DATA_DIR: composed['ATTRIBOT_DATA_DIR'] === '/data' ? data : (composed['ATTRIBOT_DATA_DIR'] ?? ''),
      DATABASE_URL: db.url,
      // Offline and quick: the fixture vectors, no WordNet seeding.
      ENCODER: 'glove',
      GLOVE_SOURCE: MINI_GLOVE_PATH,
      AUTO_SEED: 'false',
      LOG_LEVEL: 'warn',
    };
    const attribot = async (...args: string[]) => {
      const argv = [process.execPath, path.join(app, 'bin', 'attribot.js'), ...args];
      const cmd = asRoot ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...argv] : argv;
      return run(cmd[0] ?? '', cmd.slice(1), { cwd: app, env, timeout: 240_000 });
    };
    expect((await attribot('db', 'migrate')).stdout).toMatch(/applied \d+ migration/);
    expect((await attribot('predict', 'huge', '--json')).stdout).toMatch(/"phrase":"huge"/);
    expect((await attribot('models', 'list')).stdout).toMatch(/no models yet/);
    expect((await fs.readdir(data)).length).toBeGreaterThan(0);
  }, 300_000);
});
