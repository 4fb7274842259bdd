import net from 'node:net';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { startSlackAdapter } from '../../src/adapters/slack/slack-adapter.js';
import { PlatformError } from '../../src/errors.js';
import { FakeSlackApi } from '../fakes/slack/fake-slack-api.js';
import { useTestApp } from '../support/test-app.js';

/** A port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((r) => server.close(() => r()));
  return port;
}

const logger = pino({ level: 'silent' });

describe('Slack start-up fails fast, like Discord', () => {
  const app = useTestApp({ train: false });
  const start = (apiUrl: string, botToken: string) =>
    startSlackAdapter({ config: { botToken, signingSecret: 's', appToken: undefined, apiUrl, adminUserIds: [] }, port: 0, core: app().core, logger, reconcileDays: 0 });

  it('an unreachable Web API ends the start at once with a clear PlatformError (no minutes of retries)', async () => {
    const err = await start(`http://127.0.0.1:${await closedPort()}/api/`, 'xoxb-x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PlatformError);
    expect((err as Error).message).toMatch(/^Slack could not be reached/);
  }, 20_000);

  it('a rejected bot token (auth.test) ends the start with the reason', async () => {
    const fake = await FakeSlackApi.start();
    try {
      const err = await start(fake.apiUrl, 'xoxb-wrong').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PlatformError);
      expect((err as Error).message).toMatch(/^Slack rejected the bot token \(invalid_auth\)/);
    } finally {
      await fake.close();
    }
  }, 20_000);
});
