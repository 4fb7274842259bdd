/**
 * `npm run bench:votes`: a burst of Slack reactions through the real Bolt app (signed HTTP, a local
 * fake Web API) onto real PostgreSQL, as in test/e2e/slack-votes.test.ts. Measures the time to
 * Slack's acknowledgement (p50/p99/max), throughput, refusals (error statuses Slack would retry)
 * and, after the last 200, lost and extra votes. Needs PostgreSQL at TEST_DATABASE_URL (default
 * postgresql://postgres@127.0.0.1:5432/test). Progress goes to stderr; the last stdout line is JSON.
 *
 * Then the same burst through discord.js and the fake gateway (`discord` in the JSON; see
 * votes-discord.ts); VOTES_DISCORD=0 skips it.
 *
 * Sizes: VOTES_REACTIONS (10000), VOTES_MESSAGES (500), VOTES_USERS (200), VOTES_IN_FLIGHT (200).
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { startSlackAdapter } from '../src/adapters/slack/slack-adapter.js';
import { loadConfig } from '../src/config/load.js';
import { createLogger } from '../src/logger.js';
import { openApp } from '../src/main.js';
import { loadGloveEncoder } from '../src/ml/encoder/glove/glove-encoder.js';
import { toExamples } from '../src/ml/seed/labelled-to-examples.js';
import { MINI_GLOVE_PATH } from '../test/fixtures/glove/mini-glove.js';
import { FakeSlackApi } from '../test/fakes/slack/fake-slack-api.js';
import { SlackEventsClient } from '../test/fakes/slack/signed-client.js';
import { compareSlackTallies, postBurstMessages, runVoteBurst } from '../test/fakes/slack/vote-burst.js';
import { quantile } from '../test/support/vote-tally.js';
import { createTempDatabase } from '../test/support/pg-database.js';
import { benchDiscordVotes } from './votes-discord.js';

// A bench script is its own entry point: its sizes come from its environment.
const env = process.env;
const size = (name: string, dflt: number) => Number(env[name] ?? dflt);
const sizes = { reactions: size('VOTES_REACTIONS', 10_000), messages: size('VOTES_MESSAGES', 500), users: size('VOTES_USERS', 200), inFlight: size('VOTES_IN_FLIGHT', 200) };

const db = await createTempDatabase('attribot_bench');
const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-bench-votes-'));
const config = loadConfig({ DATABASE_URL: db.url, ATTRIBOT_DATA_DIR: dataDir, ENCODER: 'glove', TRAIN_BACKEND: 'wasm', RATE_LIMIT_PER_MINUTE: '10000', LOG_LEVEL: 'silent' }, dataDir, { dotenv: false });
const app = await openApp(config, createLogger('silent'), { encoder: await loadGloveEncoder({ dataDir, sourcePath: MINI_GLOVE_PATH }) });
const fake = await FakeSlackApi.start();
let errors = 0;
const logger = pino({ level: 'warn', base: undefined }, { write: (line: string) => void ((JSON.parse(line) as { level: number }).level >= 50 && errors++) });
const secret = 'bench-signing-secret';
const adapter = await startSlackAdapter({
  config: { botToken: fake.identity.token, signingSecret: secret, appToken: undefined, apiUrl: fake.apiUrl, adminUserIds: [] },
  port: 0,
  core: app.core,
  logger,
  reconcileDays: 0,
});
try {
  await app.storage.examples.upsertMany(toExamples([{ phrase: 'large', labels: ['size'] }, { phrase: 'hot', labels: ['temperature'] }], 'import'));
  const client = new SlackEventsClient(`http://127.0.0.1:${adapter.port}/slack/events`, secret, {
    teamId: fake.identity.teamId,
    botUserId: fake.identity.botUserId,
    responseUrl: (id) => fake.responseUrl(id),
  });
  process.stderr.write(`posting ${sizes.messages} prediction messages…\n`);
  const messages = await postBurstMessages(app.core, fake, sizes.messages);
  process.stderr.write(`sending ${sizes.reactions} reactions, ${sizes.inFlight} in flight…\n`);
  const burst = await runVoteBurst(client, fake, messages, { ...sizes, seed: 15 });
  const tally = await compareSlackTallies(app.storage, fake, messages);
  const ms = (q: number) => Math.round(quantile(burst.ackMs, q));
  const discord = env['VOTES_DISCORD'] === '0' ? undefined : await benchDiscordVotes(app, sizes);
  console.log(
    JSON.stringify({
      ...sizes,
      cpus: os.cpus().length,
      loadavg1: Number(os.loadavg()[0]?.toFixed(2)),
      seconds: Number(burst.seconds.toFixed(1)),
      eventsPerSecond: Math.round(burst.acked / burst.seconds),
      ackMs: { p50: ms(0.5), p90: ms(0.9), p99: ms(0.99), max: Math.round(Math.max(...burst.ackMs)) },
      acked: burst.acked,
      unacked: burst.unacked,
      refusedDeliveries: burst.refused,
      expectedVotes: tally.expected,
      lost: tally.lost,
      extra: tally.extra,
      errorLogs: errors,
      ...(discord ? { discord } : {}),
    }),
  );
} finally {
  await adapter.stop();
  await fake.close();
  await app.close();
  await db.drop();
  await fs.rm(dataDir, { recursive: true, force: true });
}
