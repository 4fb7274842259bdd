import { describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/core/chat/chat-core.js';
import { useTestApp } from '../support/test-app.js';

const ctx = (userId: string): ChatContext => ({ platform: 'discord', workspaceId: 'g1', channelId: 'c1', userId, isAdmin: false });

describe('/attribute with no known word', () => {
  const app = useTestApp();

  it.each(['🙂🔥', '\u200b', '12345', ':9', 'zxqvbn'])('%j is a private answer, not a public prediction', async (text) => {
    const reply = await app().core.attribute(ctx('u-unknown'), text);
    expect(reply).toEqual({ kind: 'error', ephemeral: true, text: expect.stringMatching(/^I don't know any of these words — teach me with \/attribute-correct/) as unknown });
  });

  it('a phrase of unknown words can be taught with /attribute-correct; a known one is predicted publicly', async () => {
    const t = app();
    await t.core.attribute(ctx('u-teach'), 'huge');
    await t.core.attribute(ctx('u-teach'), 'zxqvbn');
    const taught = await t.core.correct(ctx('u-teach'), 'size');
    expect(taught).toMatchObject({ kind: 'text', text: expect.stringContaining('for “zxqvbn”') as unknown });
    expect((await t.core.attribute(ctx('u-teach'), 'huge')).kind).toBe('prediction');
  });

  it('an admin retrain outcome is public only when it changed the active model', async () => {
    const t = app();
    const reply = await t.core.admin({ ...ctx('admin'), isAdmin: true }, 'retrain');
    expect(reply.kind).toBe('text');
    const promoted = reply.kind === 'text' && /^Model v\d+ is now active/.test(reply.text);
    expect(reply.kind === 'text' && reply.ephemeral).toBe(!promoted);
    const refused = await t.core.admin({ ...ctx('admin'), isAdmin: true }, 'retrain now please');
    expect(refused).toMatchObject({ kind: 'error', ephemeral: true, text: expect.stringMatching(/^Nothing was done/) as unknown });
  });
});
