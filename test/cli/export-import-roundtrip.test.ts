import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/program.js';
import { loadConfig } from '../../src/config/load.js';
import type { ChatContext } from '../../src/core/chat/chat-core.js';
import { createLogger } from '../../src/logger.js';
import { openApp, type App } from '../../src/main.js';
import { toExamples } from '../../src/ml/seed/labelled-to-examples.js';
import { MINI_GLOVE_PATH } from '../fixtures/glove/mini-glove.js';
import { FIXTURE_EXAMPLES } from '../support/test-app.js';

/**
 * Issue #14 item 6: a bot rebuilt from an export answers as the original did. The original learns
 * from WordNet-like seed examples, an owner's import and votes cast through the chat core
 * (corrections, ✅, ❌, a numbered choice, a retracted reaction, an admin's vote, a quarantined
 * flooder); export → a fresh data dir → import → retrain → the same first answer on every phrase.
 * The labels-only TSV export (the only export before) is shown to lose that.
 */
describe('attribot export → import into a fresh data dir → retrain answers as the original (PGlite, GloVe fixture)', () => {
  let root: string;
  const envOf = (dir: string) => ({ ATTRIBOT_DATA_DIR: dir, ENCODER: 'glove', GLOVE_SOURCE: MINI_GLOVE_PATH, TRAIN_BACKEND: 'wasm', AUTO_SEED: 'false', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '10000' });
  const cli = async (dir: string, ...argv: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(argv, { env: envOf(dir), cwd: root, out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const open = (dir: string): Promise<App> => openApp(loadConfig(envOf(dir), root, { dotenv: false }), createLogger('silent'));
  /** The first answer to every phrase the bot was taught about, by its active model. */
  const answers = async (app: App, phrases: readonly string[]) => {
    const out = new Map<string, string | undefined>();
    for (const p of phrases) out.set(p, (await app.predictor.predict(p, 5)).candidates[0]?.label);
    return out;
  };

  beforeAll(async () => {
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-roundtrip-'));
  });
  afterAll(async () => {
    await fs.rm(root, { recursive: true, force: true });
  });

  it('keeps examples and votes apart, restores them without duplicates, and the rebuilt bot answers the same', async () => {
    const original = path.join(root, 'original');
    const extra = path.join(root, 'extra.tsv');
    await fs.writeFile(extra, 'stinking\tdanger\nvery quick\tspeed\n');
    expect((await cli(original, 'import', extra)).out).toMatch(/imported 2 phrases/);

    const app = await open(original);
    let phrases: string[];
    let before: Map<string, string | undefined>;
    try {
      await app.storage.examples.upsertMany(toExamples(FIXTURE_EXAMPLES, 'wordnet'));
      expect(await app.trainer.retrain({ trigger: 'cli', requestedBy: 'test', always: true, force: true })).toMatchObject({ status: 'promoted' });
      const who = (userId: string, isAdmin = false): ChatContext => ({ platform: 'slack', workspaceId: 'T1', channelId: 'C1', userId, isAdmin });
      let n = 0;
      const ask = async (userId: string, phrase: string) => {
        const reply = await app.core.attribute(who(userId), phrase);
        if (reply.kind !== 'prediction') throw new Error(`no prediction for ${phrase}: ${reply.text}`);
        const messageId = `m${++n}`;
        await app.core.attachMessage(reply.predictionId, messageId);
        return messageId;
      };
      const react = (messageId: string, userId: string, emoji: string, added = true, isAdmin = false) =>
        app.core.reaction({ platform: 'slack', channelId: 'C1', messageId, userId, emoji, added, isAdmin });
      const correct = (userId: string, word: string, messageId: string, isAdmin = false) => app.core.correct(who(userId, isAdmin), word, { messageId });

      const huge = await ask('u1', 'huge');
      await correct('u1', 'weight', huge);
      await correct('u2', 'weight', huge);
      // Unanimous, so the votes decide whatever the model's own confidence in size (a 2:1 split
      // against a confident model leaves the model's answer first, by design: TAUGHT_SHARE).
      await correct('u3', 'weight', huge);
      const hot = await ask('a1', 'hot');
      await correct('a1', 'danger', hot, true);
      await react(hot, 'u4', '✅');
      const cheap = await ask('f1', 'cheap');
      await correct('f1', 'smell', cheap);
      expect((await app.core.admin(who('a1', true), 'quarantine f1 flooding')).text).toMatch(/f1/);
      const fishy = await ask('u5', 'fishy');
      await react(fishy, 'u5', '❌');
      await correct('u5', 'taste', fishy);
      await react(fishy, 'u6', '2️⃣');
      await react(fishy, 'u6', '2️⃣', false);
      await react(await ask('u2', 'loud'), 'u2', '2️⃣');
      await correct('u3', 'size', await ask('u3', 'very heavy'));
      expect((await app.storage.feedback.listLive()).length).toBe(10);

      expect(await app.trainer.retrain({ trigger: 'cli', requestedBy: 'test', always: true, force: true })).toMatchObject({ status: 'promoted' });
      phrases = [...new Set([...(await app.storage.examples.listActive()).map((e) => e.phrase), ...(await app.storage.feedback.listLive()).map((v) => v.phrase)])].sort();
      before = await answers(app, phrases);
      // The votes, not the seed, answer the voted phrases (the scenario teaches something).
      expect([before.get('huge'), before.get('fishy'), before.get('very heavy')]).toEqual(['weight', 'taste', 'size']);
    } finally {
      await app.close();
    }

    const backup = path.join(root, 'backup.jsonl');
    const merged = path.join(root, 'merged.tsv');
    expect((await cli(original, 'export', backup)).out).toMatch(/exported \d+ examples, 11 votes on 6 predictions and 1 quarantined users/);
    expect((await cli(original, 'export', merged)).out).toMatch(/labels only/);
    const lines = (await fs.readFile(backup, 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ type: 'attribot-export', version: 1 });
    expect(lines).toContainEqual(expect.objectContaining({ type: 'example', phrase: 'huge', label: 'size', source: 'wordnet' }));
    expect(lines).toContainEqual(expect.objectContaining({ type: 'vote', userId: 'a1', kind: 'new_label', label: 'danger', voterIsAdmin: true, retractedAt: null }));
    expect(lines).toContainEqual(expect.objectContaining({ type: 'vote', userId: 'u6', kind: 'choose', retractedAt: expect.any(String) as unknown }));

    const rebuilt = path.join(root, 'rebuilt');
    expect((await cli(rebuilt, 'import', backup)).out).toMatch(/11 of 11 votes, 1 of 1 quarantined users were new/);
    // Importing the same export again writes nothing.
    expect((await cli(rebuilt, 'import', backup)).out).toMatch(/: 0 of \d+ examples, 0 of 6 predictions, 0 of 11 votes, 0 of 1 quarantined users were new/);
    expect((await cli(rebuilt, 'train', '--force', '--json')).code).toBe(0);
    const fromExport = await open(rebuilt);
    try {
      expect(await answers(fromExport, phrases)).toEqual(before);
    } finally {
      await fromExport.close();
    }

    // What `export` wrote before (phrase<TAB>every label, votes merged with the seed) does not rebuild the bot.
    const fromTsv = path.join(root, 'from-tsv');
    expect((await cli(fromTsv, 'import', merged)).code).toBe(0);
    expect((await cli(fromTsv, 'train', '--force', '--json')).code).toBe(0);
    const lossy = await open(fromTsv);
    try {
      const after = await answers(lossy, phrases);
      const changed = phrases.filter((p) => after.get(p) !== before.get(p));
      expect(changed.length).toBeGreaterThan(0);
    } finally {
      await lossy.close();
    }
  }, 900_000);

  it('a bad line in an export is an error naming it, and nothing is imported', async () => {
    const dir = path.join(root, 'bad');
    const file = path.join(root, 'bad.jsonl');
    const header = { type: 'attribot-export', version: 1, exportedAt: new Date().toISOString(), counts: { examples: 2, predictions: 0, votes: 0, quarantined: 0 } };
    await fs.writeFile(file, [header, { type: 'example', phrase: 'large', label: 'size', source: 'import', weight: 1 }, { type: 'example', phrase: 'huge', label: 'size', source: 'somewhere', weight: 1 }].map((l) => JSON.stringify(l)).join('\n'));
    const r = await cli(dir, 'import', file);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bad\.jsonl line 3 is not valid: source/);
    expect((await cli(dir, 'export', path.join(root, 'none.jsonl'))).err).toMatch(/There is no attribot database at/);
  }, 120_000);
});
