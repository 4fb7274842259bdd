import type { App } from '../main.js';
import type { CliContext } from './context.js';
import { ensureDataDir } from './with-storage.js';

/**
 * Opens the whole app (storage, encoder, predictor) for one command and always closes it. Loaded
 * on use, so commands that need no model never import the ML stack.
 */
export async function withApp<T>(ctx: CliContext, fn: (app: App) => Promise<T>): Promise<T> {
  ensureDataDir(ctx.config());
  const { openApp } = await import('../main.js');
  const app = await openApp(ctx.config(), ctx.logger());
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}
