import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTaughtJsonl } from '../../src/ml/dataset/taught-jsonl.js';
import { count, startDashboardHarness, type DashboardHarness } from './dashboard-harness.js';

/** Debian's chromium (installed by .ci/run); CHROMIUM_PATH overrides. */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/**
 * Where the screenshots go: docs/ (the pictures the docs show) when UPDATE_SCREENSHOTS=1, else a
 * temporary folder, so a test run never rewrites tracked files.
 */
const DOCS = path.resolve(import.meta.dirname, '../../docs');

describe('admin dashboard in a real browser', () => {
  let h: DashboardHarness;
  let browser: Browser;
  let page: Page;
  let downloads: string;
  let shots: string;
  beforeAll(async () => {
    h = await startDashboardHarness();
    // --no-sandbox: CI runs as root, where chromium's sandbox refuses to start.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await (await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } })).newPage();
    downloads = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-dash-'));
    shots = process.env['UPDATE_SCREENSHOTS'] === '1' ? DOCS : downloads;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await h?.close();
    if (downloads) await fs.rm(downloads, { recursive: true, force: true });
  });
  /** Reloads until `ready` holds: the review figures are computed in a worker thread, after the page answers. */
  async function reloadUntil(ready: () => Promise<boolean>, attempts = 60): Promise<void> {
    for (let i = 0; i < attempts && !(await ready()); i++) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await page.reload();
    }
  }
  const shot = (name: string) => page.screenshot({ path: path.join(shots, `dashboard-${name}.png`), fullPage: true });

  it('signs in with a one-time link and shows the overview with the numbers in the database', async () => {
    await page.goto(await h.link());
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${h.origin}/admin`);
    const text = (id: string) => page.getByTestId(id).innerText();
    const encoder = h.t.app.predictor.encoderId;
    expect(await text('encoder')).toBe(encoder);
    const active = await count(h.sql, `SELECT id AS n FROM model_versions WHERE status = 'active' AND encoder_id = $1`, [encoder]);
    expect(await text('active-model')).toBe(`v${active}`);
    expect(Number(await text('model-count'))).toBe(await count(h.sql, `SELECT count(*) AS n FROM model_versions WHERE encoder_id = $1`, [encoder]));
    expect(Number(await text('example-count'))).toBe(await count(h.sql, `SELECT count(*) AS n FROM training_examples WHERE status = 'active'`));
    expect(Number(await text('votes-30d'))).toBe(await count(h.sql, `SELECT count(*) AS n FROM feedback WHERE retracted_at IS NULL`));
    const gate = await h.sql.query<{ t: number }>(`SELECT (metrics->>'gateTop1')::float AS t FROM model_versions WHERE id = $1`, [active]);
    expect(await text('active-top1')).toBe(Number(gate.rows[0]?.t).toFixed(3));
    // Calibration error: the sets' ECE weighted by their size, or "—" for metrics without one.
    const sets = await h.sql.query<{ n: number; ece: number | null }>(
      `SELECT (s.value->>'n')::float AS n, (s.value->>'ece')::float AS ece FROM model_versions, jsonb_each(metrics->'sets') AS s WHERE id = $1`,
      [active],
    );
    const withEce = sets.rows.filter((r) => r.ece !== null);
    const ece = withEce.length ? withEce.reduce((a, r) => a + r.n * (r.ece ?? 0), 0) / withEce.reduce((a, r) => a + r.n, 0) : null;
    expect(await page.locator(`tr[data-model="${active}"] td`).nth(5).innerText()).toBe(ece === null ? '—' : ece.toFixed(3));
    await expect(page.getByRole('img', { name: /Held-out top-1/ }).count()).resolves.toBe(1);
    await expect(page.getByRole('img', { name: /votes per day/i }).count()).resolves.toBe(1);
    await shot('overview');
  });

  it('is usable by keyboard, and every control has a label', async () => {
    // Browser-side scripts as strings: this project's TypeScript has no DOM types.
    const focused = () => page.evaluate<string>('document.activeElement ? document.activeElement.textContent : ""');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Skip to content');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Overview');
    const UNLABELLED = `[...document.querySelectorAll('input:not([type=hidden]), select, textarea:not([hidden]), button')]
      .filter((el) => !(el.labels && el.labels.length > 0) && !el.getAttribute('aria-label') && !(el.tagName === 'BUTTON' && el.textContent.trim()))
      .map((el) => el.outerHTML)`;
    for (const path of ['/admin/review', '/admin/models', '/admin/data']) {
      await page.goto(`${h.origin}${path}`);
      expect(await page.locator('input:not([type=hidden]), select, button').count(), path).toBeGreaterThan(0);
      expect(await page.evaluate<string[]>(UNLABELLED), path).toEqual([]);
    }
    await page.goto(`${h.origin}/admin`);
  });

  it('settles a disputed phrase with an admin label: the vote is in the database', async () => {
    await page.getByRole('link', { name: 'Review' }).click();
    const phrase = h.disputed.phrase;
    const dispute = page.locator(`article[data-phrase="${phrase}"]`);
    await reloadUntil(async () => (await dispute.count()) > 0);
    await expect(dispute.count()).resolves.toBe(1);
    await shot('review');
    await dispute.getByLabel(`Settle “${phrase}” as`).fill('size');
    await dispute.getByRole('button', { name: 'Settle with this admin label' }).click();
    await page.getByRole('status').waitFor();
    expect(await page.getByRole('status').innerText()).toContain('recorded “size”');
    const settled = await h.sql.query<{ voter_is_admin: boolean; kind: string }>(
      `SELECT voter_is_admin, kind FROM feedback WHERE prediction_id = $1 AND user_id = 'owner' AND label = 'size' AND retracted_at IS NULL`,
      [h.disputed.predictionId],
    );
    expect(settled.rows).toEqual([{ voter_is_admin: true, kind: 'new_label' }]);
    expect(await count(h.sql, `SELECT count(*) AS n FROM audit_log WHERE action = 'vote.correct' AND actor = 'console:owner'`)).toBe(1);
    const heading = page.locator(`article[data-phrase="${phrase}"] h3`);
    await reloadUntil(async () => (await heading.innerText()).includes('an admin voted'));
    expect(await heading.innerText()).toContain('an admin voted');
  });

  it('rolls back a model: the previous one is active in the database', async () => {
    await page.getByRole('link', { name: 'Models' }).click();
    const before = await count(h.sql, `SELECT id AS n FROM model_versions WHERE status = 'active'`);
    await shot('models');
    await page.getByRole('button', { name: 'Roll back to the previous model' }).click();
    await page.getByRole('status').waitFor();
    const after = await count(h.sql, `SELECT id AS n FROM model_versions WHERE status = 'active'`);
    expect(after).toBeLessThan(before);
    expect(await page.getByRole('status').innerText()).toContain(`v${after}`);
    expect(await count(h.sql, `SELECT count(*) AS n FROM audit_log WHERE action = 'admin.rollback' AND actor = 'console:owner'`)).toBe(1);
  });

  it('retrains now and shows the progress and outcome of the run', async () => {
    const runs = await count(h.sql, `SELECT count(*) AS n FROM training_runs`);
    await page.getByRole('button', { name: 'Retrain now' }).click();
    expect(await page.getByRole('status').innerText()).toContain('Retrain started');
    const result = page.locator('#progress .result');
    await reloadUntil(async () => (await result.innerText()) !== 'running…', 240);
    expect(await result.innerText()).toMatch(/Model v\d+|not promoted|rejected|kept/i);
    expect((await page.locator('#progress pre').innerText()).length).toBeGreaterThan(0);
    expect(await count(h.sql, `SELECT count(*) AS n FROM training_runs`)).toBe(runs + 1);
    expect(await count(h.sql, `SELECT count(*) AS n FROM audit_log WHERE action = 'admin.retrain' AND actor = 'console:owner'`)).toBe(1);
  }, 180_000);

  it('exports the data and re-imports it with a preview, all or nothing', async () => {
    await page.getByRole('link', { name: 'Data' }).click();
    await shot('data');
    const [backup] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /attribot-export\.jsonl/ }).click()]);
    const backupFile = path.join(downloads, 'export.jsonl');
    await backup.saveAs(backupFile);
    const archive = parseTaughtJsonl(await fs.readFile(backupFile, 'utf8'), backupFile);
    expect(archive.examples.length).toBe(await count(h.sql, `SELECT count(*) AS n FROM training_examples WHERE status = 'active'`));
    expect(archive.votes.length).toBe(await count(h.sql, `SELECT count(*) AS n FROM feedback`));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /attribot-export\.tsv/ }).click()]);
    const file = path.join(downloads, 'export.tsv');
    await download.saveAs(file);
    const exported = await fs.readFile(file, 'utf8');
    const phrases = await count(h.sql, `SELECT count(DISTINCT phrase) AS n FROM training_examples WHERE status = 'active'`);
    expect(exported.split('\n').filter((l) => l && !l.startsWith('#')).length).toBe(phrases);
    expect(exported).toMatch(/^huge\t.*size/m);

    // A bad line refuses the whole file.
    const bad = path.join(downloads, 'bad.tsv');
    await fs.writeFile(bad, `${exported}brand new phrase\tnovelty\nno tab here\n`);
    await page.getByLabel('TSV file').setInputFiles(bad);
    await page.getByRole('button', { name: 'Check the file' }).click();
    expect(await page.getByRole('alert').innerText()).toMatch(/line \d+ is not valid.*Nothing was imported/);

    const good = path.join(downloads, 'good.tsv');
    await fs.writeFile(good, `${exported}brand new phrase\tnovelty\n`);
    await page.getByLabel('TSV file').setInputFiles(good);
    await page.getByRole('button', { name: 'Check the file' }).click();
    expect(Number(await page.getByTestId('preview-phrases').innerText())).toBe(phrases + 1);
    expect(Number(await page.getByTestId('preview-new').innerText())).toBe(1);
    expect(await count(h.sql, `SELECT count(*) AS n FROM training_examples WHERE phrase = 'brand new phrase'`)).toBe(0);
    await shot('import-preview');
    await page.getByRole('button', { name: /Import all/ }).click();
    expect(await page.getByRole('status').innerText()).toContain(`Imported ${phrases + 1} phrases`);
    expect(await count(h.sql, `SELECT count(*) AS n FROM training_examples WHERE phrase = 'brand new phrase' AND label = 'novelty' AND source = 'import'`)).toBe(1);
  });

  it('signs out: the pages answer 401 again', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe('Signed out');
    const res = await page.goto(`${h.origin}/admin`);
    expect(res?.status()).toBe(401);
  });
});
