import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { MINI_GLOVE_PATH } from '../fixtures/glove/mini-glove.js';

describe('attribot import / train / predict / eval / export / models (PGlite, GloVe fixture)', () => {
  let dir: string;
  let env: Record<string, string>;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-data-cli-'));
    env = { ATTRIBOT_DATA_DIR: dir, ENCODER: 'glove', GLOVE_SOURCE: MINI_GLOVE_PATH, TRAIN_BACKEND: 'wasm', AUTO_SEED: 'false', LOG_LEVEL: 'silent' };
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  const run = async (...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { env, cwd: dir, out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('a bad import line is a clear error naming the line, and nothing is imported', async () => {
    const bad = path.join(dir, 'bad.tsv');
    await fs.writeFile(bad, 'large\tsize\nno tab here\n');
    const r = await run('import', bad);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.tsv line 2/);
    // Nothing was opened either: export finds no database rather than creating an empty one.
    expect((await run('export', path.join(dir, 'empty.tsv'))).err).toMatch(/There is no attribot database at/);
  });

  it('imports, trains, predicts, evaluates, lists models and exports what it learned', async () => {
    const file = path.join(dir, 'train.tsv');
    await fs.writeFile(
      file,
      ['# phrase\tlabels', 'large\tsize', 'huge\tsize', 'tiny\tsize', 'hot\ttemperature', 'cold\ttemperature', 'warm\ttemperature', 'smelly\tsmell', 'stinky\tsmell,odor'].join('\n'),
    );
    expect((await run('import', file)).out).toMatch(/imported 8 phrases/);
    const train = await run('train', '--json');
    expect(train.code).toBe(0);
    expect(JSON.parse(train.out)).toMatchObject({ status: 'promoted' });
    const predicted = JSON.parse((await run('predict', 'huge', '--json')).out) as { candidates: { label: string }[]; model_version: number };
    expect(predicted.candidates[0]?.label).toBe('size');
    expect(predicted.model_version).toBeGreaterThan(0);
    const evaluated = JSON.parse((await run('eval', file, '--json')).out) as { n: number; top1: number };
    expect(evaluated.n).toBe(8);
    expect(evaluated.top1).toBeGreaterThan(0.5);
    expect((await run('models', 'list')).out).toMatch(/v1\s+active/);
    const out = path.join(dir, 'out.tsv');
    await run('export', out);
    expect(await fs.readFile(out, 'utf8')).toMatch(/stinky\t(smell,odor|odor,smell)/);
    expect((await run('predict', 'x'.repeat(101))).code).toBe(1);
    // Seven commands, each opening the embedded database: minutes on a loaded 2-core machine.
  }, 300_000);
});
