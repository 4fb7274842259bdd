import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { CONSOLE_PROMPT, runConsoleAdapter } from '../../src/adapters/console/console-adapter.js';
import { pngChartRenderer } from '../../src/chart/line-chart-png.js';
import type { ChatCore } from '../../src/core/chat/chat-core.js';
import { createChatCore } from '../../src/core/chat/create-chat-core.js';
import { rateLimiter } from '../../src/core/middleware/rate-limit.js';
import { pngSize } from '../support/png.js';
import { useTestApp } from '../support/test-app.js';

const silent = pino({ level: 'silent' });

/** Types `lines` into a real console adapter through its input stream; returns everything it printed. */
async function converse(core: ChatCore, lines: readonly string[], opts: { user: string; filesDir?: string }): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (c: Buffer) => (printed += c.toString('utf8')));
  const run = runConsoleAdapter({ core, input, output, logger: silent, filesDir: opts.filesDir ?? path.join(os.tmpdir(), 'unused'), user: opts.user });
  input.end(lines.map((l) => `${l}\n`).join(''));
  await run;
  return printed;
}

/** The text printed in answer to the `n`th line typed (0-based): between its prompt and the next. */
function answer(printed: string, n: number): string {
  return (printed.split(CONSOLE_PROMPT)[n + 1] ?? '').trim();
}

describe('console', () => {
  const app = useTestApp();

  it('prints the stats and writes the chart PNG into the files folder, printing its path', async () => {
    const filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-console-'));
    const printed = await converse(app().core, ['/attribute-admin stats'], { user: 'stats', filesDir });
    expect(printed).toMatch(/held-out top-1 by model version:\n {2}v\d+ active/);
    const saved = /\(attribot-accuracy\.png saved to (.+\.png)\)/.exec(printed)?.[1] ?? '';
    expect(path.dirname(saved)).toBe(filesDir);
    expect(pngSize(await fs.readFile(saved))).toEqual({ width: 800, height: 450 });
    await fs.rm(filesDir, { recursive: true, force: true });
  });

  it('shows a prompt and console-style hints, and quits on /quit', async () => {
    const printed = await converse(app().core, ['huge', '/quit', 'large'], { user: 'hints' });
    expect(printed.startsWith('Type a phrase')).toBe(true);
    expect(printed).toContain(CONSOLE_PROMPT);
    const reply = answer(printed, 0);
    expect(reply).toMatch(/^“huge” → size/);
    expect(reply).toContain('type :1–:5 for the right one, :ok if the first is right, :x <word> if none is');
    expect(reply).not.toMatch(/react|1️⃣–5️⃣/);
    // Nothing after /quit is read.
    expect(printed).not.toContain('“large”');
  });

  it('refuses unknown commands, votes outside 1–5 and trailing words; none becomes the answer a vote applies to', async () => {
    const t = app();
    const activeBefore = (await t.storage.models.getActive(t.app.encoder.id))?.id;
    const printed = await converse(t.core, ['huge', '/attribut large', ':9', ':2 size', '/attribute-admin rollback please', ':x smell'], { user: 'strict' });
    expect(answer(printed, 1)).toMatch(/^! Unknown command “\/attribut”/);
    expect(answer(printed, 2)).toMatch(/^! :9 is not a candidate: choose :1 to :5/);
    expect(answer(printed, 3)).toMatch(/^! :2 takes no arguments/);
    expect(answer(printed, 4)).toMatch(/^! Nothing was done: “rollback” does not take “please”/);
    expect((await t.storage.models.getActive(t.app.encoder.id))?.id).toBe(activeBefore);
    // `:x smell` applies to “huge”, the last answer, and is one vote.
    expect(answer(printed, 5)).toMatch(/recorded “smell” for “huge”/);
    const huge = await t.storage.predictions.latestForUser('console', 'strict');
    expect(huge?.phraseRaw).toBe('huge');
    const votes = await t.storage.feedback.listForPrediction(huge?.id ?? 0);
    expect(votes.map((v) => [v.kind, v.label])).toEqual([['new_label', 'smell']]);
  });

  it('answers input without a known word privately, and a later vote does not land on an older answer', async () => {
    const t = app();
    const printed = await converse(t.core, ['huge', '🙂🙂', '123', '\u200b', ':9', 'zxqvbn', ':1'], { user: 'unknown' });
    for (const n of [1, 2, 3, 5]) expect(answer(printed, n)).toMatch(/^! I don't know any of these words — teach me with \/attribute-correct/);
    expect(answer(printed, 4)).toMatch(/^! :9 is not a candidate/);
    expect(answer(printed, 6)).toBe('! Ask something first: type a phrase.');
    // Words are kept so /attribute-correct can teach them; emoji and digits are not.
    expect((await t.storage.predictions.latestForUser('console', 'unknown'))?.phraseRaw).toBe('zxqvbn');
  });

  it('the local admin is not rate-limited', async () => {
    const t = app();
    const { storage, predictor, trainer } = t.app;
    const core = createChatCore({ storage, predictor, trainer, rateLimit: rateLimiter(1, 60_000), charts: pngChartRenderer(silent), reconcileDays: 7 });
    const printed = await converse(core, ['huge', 'tiny', 'hot', 'cold'], { user: 'busy' });
    expect(printed).not.toMatch(/asking a lot/);
    expect(printed.match(/ → /g)).toHaveLength(4);
  });
});
