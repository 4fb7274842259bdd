import { describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/core/chat/chat-core.js';
import { parseUserRef } from '../../src/core/commands/moderation.js';
import { useTestApp } from '../support/test-app.js';

const ctx = (userId: string, isAdmin = false): ChatContext => ({ platform: 'slack', workspaceId: 'T', channelId: 'C', userId, isAdmin });

describe('moderation: quarantine, corrections, deleted votes, audit', () => {
  const app = useTestApp();

  const topLabel = async (phrase: string, user = 'asker') => {
    const r = await app().core.attribute(ctx(user), phrase);
    return r.kind === 'prediction' ? /→ (.+)/.exec(r.text)?.[1] : undefined;
  };

  it('a quarantined user loses their influence at the next retrain; the audit log records every step', async () => {
    expect(await topLabel('huge')).toBe('size');
    await topLabel('huge', 'UTROLL');
    await app().core.correct(ctx('UTROLL'), 'weight');
    await app().core.admin(ctx('UADMIN', true), 'retrain');
    expect(await topLabel('huge')).toBe('weight');

    const listed = await app().core.admin(ctx('UADMIN', true), 'corrections <@UTROLL>');
    expect(listed.text).toMatch(/slack:UTROLL “huge” → weight/);
    expect((await app().core.admin(ctx('UTROLL'), 'quarantine <@UADMIN>')).kind).toBe('error');
    expect((await app().core.admin(ctx('UADMIN', true), 'quarantine <@UTROLL|troll> flooding')).text).toMatch(/UTROLL's votes are excluded/);
    await app().core.admin(ctx('UADMIN', true), 'retrain');
    expect(await topLabel('huge')).toBe('size');

    const audit = (await app().storage.audit.list(50)).map((a) => a.action);
    expect(audit).toEqual(expect.arrayContaining(['vote.correct', 'admin.retrain', 'admin.quarantine', 'model.promoted']));
  });

  it('an admin can delete a vote; it stays in the audit log', async () => {
    await topLabel('tiny', 'U2');
    await app().core.correct(ctx('U2'), 'weight');
    const [vote] = await app().storage.feedback.listRecent(1, 'U2');
    const r = await app().core.admin(ctx('UADMIN', true), `delete-vote ${vote?.id ?? 0}`);
    expect(r.text).toMatch(/is deleted/);
    expect((await app().storage.feedback.listRecent(1, 'U2'))[0]?.retractedAt).toBeInstanceOf(Date);
    expect((await app().core.admin(ctx('UADMIN', true), `delete-vote ${vote?.id ?? 0}`)).kind).toBe('error');
    expect((await app().storage.audit.list(1))[0]).toMatchObject({ action: 'admin.delete-vote', before: { label: 'weight', userId: 'U2' } });
  });

  it('stats: votes per day, top-1 per model version, most corrected pairs', async () => {
    const r = await app().core.admin(ctx('UADMIN', true), 'stats');
    expect(r.text).toMatch(/votes per day[\s\S]*\d{4}-\d{2}-\d{2}: \d+/);
    // The gate file holds the training phrases themselves, which the model answers from memory.
    expect(r.text).toMatch(/v1 +\w+ +[01]\.\d{3}/);
    expect(r.text).toMatch(/size → weight \(\d+\)/);
    expect((await app().core.admin(ctx('U2'), 'stats')).kind).toBe('error');
  });

  it('parses mentions and ids', () => {
    expect(parseUserRef('<@U123|bob>')).toBe('U123');
    expect(parseUserRef('<@!42>')).toBe('42');
    expect(parseUserRef('U9')).toBe('U9');
    expect(parseUserRef('not a user!')).toBeNull();
  });
});
