import { pino } from 'pino';
import type { ChatCore } from '../../../src/core/chat/chat-core.js';
import { startSlackAdapter, type CustomRoute, type SlackAdapter } from '../../../src/adapters/slack/slack-adapter.js';
import { FakeSlackApi } from './fake-slack-api.js';
import { SlackEventsClient } from './signed-client.js';

/** A log line the adapter wrote (pino JSON). */
export interface LogLine {
  level: number;
  msg: string;
  err?: { message: string; type?: string; cause?: unknown };
  [key: string]: unknown;
}

export interface SlackHarness {
  fake: FakeSlackApi;
  adapter: SlackAdapter;
  /** Signs and sends slash commands and events to the adapter's `/slack/events`. */
  client: SlackEventsClient;
  logs: LogLine[];
  signingSecret: string;
  /** Stops the adapter, then the fake (unless it was passed in). */
  stop(): Promise<void>;
}

export interface SlackHarnessOptions {
  core: ChatCore;
  adminUserIds?: string[];
  reconcileDays?: number;
  customRoutes?: CustomRoute[];
  progressIntervalMs?: number;
  /** Reuse a running fake (e.g. to restart the bot against the same workspace). */
  fake?: FakeSlackApi;
}

/** The real Bolt adapter (HTTP mode, random port) wired to a fresh fake Slack API. */
export async function startSlackHarness(opts: SlackHarnessOptions): Promise<SlackHarness> {
  const fake = opts.fake ?? (await FakeSlackApi.start());
  const logs: LogLine[] = [];
  const logger = pino({ level: 'debug', base: undefined }, { write: (line: string) => void logs.push(JSON.parse(line) as LogLine) });
  const signingSecret = 'test-signing-secret';
  const adapter = await startSlackAdapter({
    config: { botToken: fake.identity.token, signingSecret, appToken: undefined, apiUrl: fake.apiUrl, adminUserIds: opts.adminUserIds ?? [] },
    port: 0,
    core: opts.core,
    logger,
    reconcileDays: opts.reconcileDays ?? 7,
    progressIntervalMs: opts.progressIntervalMs ?? 0,
    ...(opts.customRoutes ? { customRoutes: opts.customRoutes } : {}),
  });
  const client = new SlackEventsClient(`http://127.0.0.1:${adapter.port}/slack/events`, signingSecret, {
    teamId: fake.identity.teamId,
    botUserId: fake.identity.botUserId,
    responseUrl: (id) => fake.responseUrl(id),
  });
  return {
    fake,
    adapter,
    client,
    logs,
    signingSecret,
    async stop() {
      await adapter.stop();
      if (!opts.fake) await fake.close();
    },
  };
}
