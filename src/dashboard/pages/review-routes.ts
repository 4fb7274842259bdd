import { Hono } from 'hono';
import type { ChatReply } from '../../core/chat/chat-core.js';
import type { Platform } from '../../core/types.js';
import { adminContext } from '../admin-context.js';
import { field, type DashboardDeps, type DashboardEnv } from '../deps.js';
import { redirectWith, takeFlash } from '../flash.js';
import { page } from '../views/layout.js';
import { reviewData, reviewView } from './review-page.js';

const PLATFORMS: readonly string[] = ['discord', 'slack', 'console'];

/** The review page and its actions; each action is the chat command's use case (same checks, same audit). */
export function reviewRoutes(deps: DashboardDeps): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  const data = reviewData(deps);
  const done = (c: Parameters<typeof redirectWith>[0], reply: ChatReply) =>
    redirectWith(c, '/admin/review', reply.kind === 'error' ? { problem: reply.text } : { notice: reply.text }, deps.secureCookies);

  app.get('/', async (c) => {
    const session = c.get('session');
    return c.html(page({ title: 'Review', path: '/admin/review', csrf: session.csrfToken, ...takeFlash(c), body: reviewView(await data(), session.csrfToken) }));
  });
  app.post('/settle', async (c) => {
    const form = c.get('form');
    const phrase = field(form, 'phrase');
    const label = field(form, 'label');
    const prediction = await deps.storage.dashboardReads.latestVotedPrediction(phrase);
    if (!prediction?.messageId) return redirectWith(c, '/admin/review', { problem: `There is no voted message of “${phrase}” to settle.` }, deps.secureCookies);
    const ctx = adminContext(c.get('session').userKey, { platform: prediction.platform, workspaceId: prediction.workspaceId, channelId: prediction.channelId });
    // `/attribute-correct <label>` as a reply to the prediction's message, by an admin.
    return done(c, await deps.core.correct(ctx, label, { messageId: prediction.messageId }));
  });
  app.post('/delete-vote', async (c) => {
    const id = field(c.get('form'), 'id');
    return done(c, await deps.core.admin(adminContext(c.get('session').userKey), `delete-vote ${id}`));
  });
  for (const [path, command] of [['/quarantine', 'quarantine'], ['/release', 'unquarantine']] as const) {
    app.post(path, async (c) => {
      const form = c.get('form');
      const platform = field(form, 'platform');
      if (!PLATFORMS.includes(platform)) return redirectWith(c, '/admin/review', { problem: 'Choose discord, slack or console.' }, deps.secureCookies);
      const args = [field(form, 'user'), ...(command === 'quarantine' ? [field(form, 'reason')] : [])].join(' ').trim();
      return done(c, await deps.core.admin(adminContext(c.get('session').userKey, { platform: platform as Platform }), `${command} ${args}`));
    });
  }
  return app;
}
