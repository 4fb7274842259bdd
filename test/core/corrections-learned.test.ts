import { describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/core/chat/chat-core.js';
import { FIXTURE_EXAMPLES, useTestApp } from '../support/test-app.js';

const user = (id: string, isAdmin = false): ChatContext => ({ platform: 'console', workspaceId: 'w', channelId: 'c', userId: id, isAdmin });

describe('every correction is learned (PostgreSQL, GloVe fixture)', () => {
  const app = useTestApp();

  it('30 of 30 corrections, each to another known label, are the first answer after one retrain', async () => {
    const labels = [...new Set(FIXTURE_EXAMPLES.flatMap((e) => e.labels))].sort();
    const corrections = FIXTURE_EXAMPLES.slice(0, 30).map((e, i) => {
      const others = labels.filter((l) => !e.labels.includes(l));
      return { phrase: e.phrase, label: others[i % others.length] ?? '' };
    });
    for (const [i, c] of corrections.entries()) {
      const asked = await app().core.attribute(user(`u${i}`), c.phrase);
      if (asked.kind !== 'prediction') throw new Error(`no prediction for ${c.phrase}`);
      await app().core.attachMessage(asked.predictionId, `m-${i}`);
      expect(await app().core.correct(user(`u${i}`), c.label, { messageId: `m-${i}` })).toMatchObject({ kind: 'text' });
    }
    expect((await app().core.admin(user('admin', true), 'retrain')).text).toMatch(/is now active/);
    const answered = await Promise.all(corrections.map(async (c) => (await app().app.predictor.predict(c.phrase, 1)).candidates[0]?.label));
    expect(answered).toEqual(corrections.map((c) => c.label));
  });
});
