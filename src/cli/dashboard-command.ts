import { signInLinks } from '../dashboard/auth/sign-in-links.js';
import type { RegisterCommand } from './context.js';
import { withApp } from './with-app.js';

/** `attribot dashboard link`: a one-time sign-in link for the machine's owner (an admin, as the console user is). */
export const registerDashboardCommand: RegisterCommand = (program, ctx) => {
  const dashboard = program.command('dashboard').description('the admin dashboard at /admin');
  dashboard
    .command('link')
    .description('print a one-time sign-in link (10 minutes) for the dashboard')
    .action(async () => {
      await withApp(ctx, async (app) => {
        const link = await signInLinks(app.storage.dashboardAuth, app.config.dashboard.publicUrl).mint({ platform: 'console', userId: 'owner', isAdmin: true });
        await app.storage.audit.append({ actor: 'cli', action: 'admin.dashboard-link', subject: 'dashboard' });
        ctx.out(link.url);
        ctx.out(`(works once, for ${link.minutes} minutes; served by the running bot on PORT ${app.config.chat.port})`);
      });
    });
};
