import { openApp, type App } from '../main.js';
import type { CliContext } from './context.js';

/** Opens the app for one command and always closes it. */
export async function withApp<T>(ctx: CliContext, fn: (app: App) => Promise<T>): Promise<T> {
  const app = await openApp(ctx.config(), ctx.logger());
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
