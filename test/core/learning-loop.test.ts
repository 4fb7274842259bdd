import { describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/core/chat/chat-core.js';
import { useTestApp } from '../support/test-app.js';

const user = (id: string, isAdmin = false): ChatContext => ({ platform: 'console', workspaceId: 'w', channelId: 'c', userId: id, isAdmin });

describe('learning loop through the chat core (PostgreSQL, GloVe fixture, wasm trainer)', () => {
  const app = useTestApp();

  it('predicts training phrases after the first training', async () => {
    const reply = await app().core.attribute(user('u1'), 'huge');
    expect(reply.kind).toBe('prediction');
    if (reply.kind !== 'prediction') return;
    expect(reply.text).toMatch(/→ size/);
    expect(reply.text).toMatch(/model v\d+/);
    expect(reply.reactions).toHaveLength(7);
  });

  it('refuses bad input privately and stores nothing', async () => {
    for (const bad of ['', '   ', 'x'.repeat(101), 'bad\u0007bell']) {
      const reply = await app().core.attribute(user('u1'), bad);
      expect(reply).toMatchObject({ kind: 'error', ephemeral: true });
    }
    expect(await app().storage.predictions.latestForUser('console', 'nobody')).toBeNull();
  });

  it('a correction by reaction flips the phrase after one retrain; a non-admin cannot retrain', async () => {
    const first = await app().core.attribute(user('u1'), 'very chubby');
    if (first.kind !== 'prediction') throw new Error('no prediction');
    await app().core.attachMessage(first.predictionId, 'm-chubby');
    const before = await app().storage.predictions.get(first.predictionId);
    expect(before?.candidates[0]?.label).not.toBe('size');
    const react = await app().core.reaction({ platform: 'console', channelId: 'c', messageId: 'm-chubby', userId: 'u2', emoji: '❌', added: true });
    expect(react.kind).toBe('ask-word');
    // u2 never asked anything: the correction goes to the prediction u2 marked ❌.
    const corrected = await app().core.correct(user('u2'), 'size');
    expect(corrected).toMatchObject({ kind: 'text' });
    const votes = await app().storage.feedback.listForPrediction(first.predictionId);
    expect(votes.map((v) => v.label).sort()).toEqual(['*', 'size']);

    const runsBefore = (await app().storage.runs.recent(100)).length;
    expect(await app().core.admin(user('u3'), 'retrain')).toMatchObject({ kind: 'error', ephemeral: true });
    expect((await app().storage.runs.recent(100)).length).toBe(runsBefore);

    const retrain = await app().core.admin(user('admin', true), 'retrain');
    expect(retrain.text).toMatch(/is now active/);
    const after = await app().core.attribute(user('u1'), 'very chubby');
    expect(after.text).toMatch(/→ size/);
  });

  it('a correction far from what the words suggest still wins after one retrain (huge → smell)', async () => {
    const first = await app().core.attribute(user('u4'), 'huge');
    if (first.kind !== 'prediction') throw new Error('no prediction');
    expect(first.text).toMatch(/→ size/);
    await app().core.attachMessage(first.predictionId, 'm-huge');
    await app().core.reaction({ platform: 'console', channelId: 'c', messageId: 'm-huge', userId: 'u4', emoji: '❌', added: true });
    expect(await app().core.correct(user('u4'), 'smell')).toMatchObject({ kind: 'text' });
    expect((await app().core.admin(user('admin', true), 'retrain')).text).toMatch(/is now active/);
    expect((await app().core.attribute(user('u1'), 'huge')).text).toMatch(/→ smell/);
    // Its neighbours keep their own answer.
    expect((await app().core.attribute(user('u1'), 'enormous')).text).toMatch(/→ size/);
  });

  it('two concurrent retrains: one runs, the other is told it is busy', async () => {
    const [a, b] = await Promise.all([
      app().app.trainer.retrain({ trigger: 'cli', requestedBy: 't', always: true }),
      app().app.trainer.retrain({ trigger: 'cli', requestedBy: 't', always: true }),
    ]);
    expect([a.status, b.status].filter((s) => s === 'busy')).toHaveLength(1);
  });

  it('skips a scheduled retrain when nothing changed', async () => {
    const r = await app().app.trainer.retrain({ trigger: 'cron', requestedBy: null });
    expect(r.status).toBe('skipped');
  });
});
