import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opsRoutes } from '../../src/ops/ops-routes.js';
import { startOpsServer } from '../../src/ops/ops-server.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('health and metrics endpoints', () => {
  let t: TestApp;
  let server: { port: number; stop(): Promise<void> };
  let closing = false;
  beforeAll(async () => {
    t = await createTestApp();
    const routes = opsRoutes({ storage: t.storage, metrics: t.app.metrics, modelLoaded: () => t.app.predictor.labelCount > 0, closing: () => closing });
    server = await startOpsServer(routes, 0);
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await t?.close();
  });
  const get = (path: string) => fetch(`http://127.0.0.1:${server.port}${path}`);

  it('answers /healthz and /readyz, and /readyz turns 503 while shutting down', async () => {
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/readyz')).status).toBe(200);
    closing = true;
    expect((await get('/readyz')).status).toBe(503);
    closing = false;
    expect((await get('/nope')).status).toBe(404);
  });

  it('exports prediction, vote and training metrics', async () => {
    const reply = await t.core.attribute({ platform: 'console', workspaceId: 'w', channelId: 'c', userId: 'u', isAdmin: false }, 'huge');
    if (reply.kind !== 'prediction') throw new Error('no prediction');
    await t.core.attachMessage(reply.predictionId, 'm1');
    await t.core.reaction({ platform: 'console', channelId: 'c', messageId: 'm1', userId: 'u', emoji: '✅', added: true });
    const text = await (await get('/metrics')).text();
    expect(text).toMatch(/attribot_predictions_total 1/);
    expect(text).toMatch(/attribot_votes_total\{change="add"\} 1/);
    expect(text).toMatch(/attribot_prediction_seconds_bucket/);
    expect(text).toMatch(/attribot_training_runs_total\{status="promoted"\} 1/);
    expect(text).toMatch(/attribot_active_model_version\{encoder="glove:[^"]+"\} [1-9]/);
  });
});
