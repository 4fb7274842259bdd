import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { toExamples } from '../../src/ml/seed/labelled-to-examples.js';
import { tempDataDir } from '../fixtures/glove/mini-glove.js';
import { createTestApp, FIXTURE_EXAMPLES, type TestApp } from '../support/test-app.js';

describe('evaluation gate and crash safety', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ gateOnFixture: true });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it('keeps a worse model as rejected, with the reason, and the active model stays', async () => {
    const active = await t.storage.models.getActive(t.app.encoder.id);
    // Poison: every phrase gets a wrong label (rotate labels by one).
    const labels = [...new Set(FIXTURE_EXAMPLES.flatMap((e) => e.labels))];
    const wrong = FIXTURE_EXAMPLES.map((e) => ({ phrase: e.phrase, labels: [labels[(labels.indexOf(e.labels[0] ?? '') + 1) % labels.length] ?? ''] }));
    await t.storage.examples.deleteSource('import');
    await t.storage.examples.upsertMany(toExamples(wrong, 'import'));
    const outcome = await t.app.trainer.retrain({ trigger: 'cli', requestedBy: 'test', always: true });
    expect(outcome.status).toBe('rejected');
    if (outcome.status !== 'rejected') return;
    expect(outcome.reason).toMatch(/worse than the active model/);
    expect((await t.storage.models.get(outcome.modelId))?.status).toBe('rejected');
    expect((await t.storage.models.getActive(t.app.encoder.id))?.id).toBe(active?.id);
    const forced = await t.app.trainer.retrain({ trigger: 'cli', requestedBy: 'test', always: true, force: true });
    expect(forced.status).toBe('promoted');
    await t.storage.models.rollback(t.app.encoder.id);
    expect((await t.storage.models.getActive(t.app.encoder.id))?.id).toBe(active?.id);
  });

  it('a training process killed mid-run leaves the active model untouched and its run marked failed', async () => {
    const active = await t.storage.models.getActive(t.app.encoder.id);
    // The child is killed, so its data dir is ours to remove.
    const data = await tempDataDir();
    onTestFinished(data.cleanup);
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/train-forever.ts', t.databaseUrl, data.dir], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (d: Buffer) => {
        if (d.toString().includes('training')) resolve();
      });
      child.once('exit', () => reject(new Error('child exited early')));
    });
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect((await t.storage.models.getActive(t.app.encoder.id))?.id).toBe(active?.id);
    // PostgreSQL releases the dead session's advisory lock once it notices the closed socket.
    await expect
      .poll(async () => (await t.app.trainer.retrain({ trigger: 'cli', requestedBy: 'test', always: true })).status, { timeout: 15_000, interval: 500 })
      .not.toBe('busy');
    const runs = await t.storage.runs.recent(10);
    expect(runs.some((r) => r.status === 'failed' && /interrupted/.test(r.error ?? ''))).toBe(true);
  });
});
