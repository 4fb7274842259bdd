/**
 * The Discord half of `npm run bench:votes`: the same burst through the real discord.js client and
 * the fake gateway. Discord acknowledges nothing and never redelivers a reaction event, so there is
 * no ack latency to measure: what counts is how long the bot takes to store every vote (drain) and
 * whether any is lost. The sizes are the Slack run's.
 */
import { pino } from 'pino';
import { startDiscordAdapter } from '../src/adapters/discord/discord-adapter.js';
import type { App } from '../src/main.js';
import { FakeDiscord } from '../test/fakes/discord/fake-discord.js';
import { compareDiscordTallies, postDiscordBurstMessages, runDiscordVoteBurst } from '../test/fakes/discord/vote-burst.js';

const where = { guildId: '220000000000000001', channelId: '220000000000000002' };

export interface DiscordVotesResult {
  dispatchSeconds: number;
  /** From the first dispatch until the stored votes equal the reactions left (or stopped changing). */
  drainSeconds: number;
  votesPerSecond: number;
  expectedVotes: number;
  lost: number;
  extra: number;
  errorLogs: number;
}

export async function benchDiscordVotes(app: App, sizes: { reactions: number; messages: number; users: number }): Promise<DiscordVotesResult> {
  const fake = await FakeDiscord.start({ guilds: [{ id: where.guildId, channels: [where.channelId], roles: [] }] });
  let errors = 0;
  const logger = pino({ level: 'warn', base: undefined }, { write: (line: string) => void ((JSON.parse(line) as { level: number }).level >= 50 && errors++) });
  const adapter = await startDiscordAdapter({
    config: { token: fake.token, appId: fake.appId, apiUrl: fake.apiUrl, adminRole: undefined, shards: 'none' },
    core: app.core,
    logger,
    reconcileDays: 0,
  });
  try {
    process.stderr.write(`discord: posting ${sizes.messages} prediction messages…\n`);
    const messages = await postDiscordBurstMessages(app.core, fake, where, sizes.messages);
    process.stderr.write(`discord: dispatching ${sizes.reactions} reactions at once…\n`);
    const started = performance.now();
    await runDiscordVoteBurst(fake, where, messages, { ...sizes, seed: 15 });
    const dispatchSeconds = (performance.now() - started) / 1000;
    let tally = await compareDiscordTallies(app.storage, fake, messages);
    let settledAt = performance.now();
    for (let still = 0; (tally.lost > 0 || tally.extra > 0) && still < 20; ) {
      await new Promise((r) => setTimeout(r, 1_000));
      const next = await compareDiscordTallies(app.storage, fake, messages);
      if (next.lost === tally.lost && next.extra === tally.extra) still++;
      else [still, settledAt] = [0, performance.now()];
      tally = next;
    }
    const drainSeconds = (settledAt - started) / 1000;
    return {
      dispatchSeconds: Number(dispatchSeconds.toFixed(1)),
      drainSeconds: Number(drainSeconds.toFixed(1)),
      votesPerSecond: Math.round(sizes.reactions / drainSeconds),
      expectedVotes: tally.expected,
      lost: tally.lost,
      extra: tally.extra,
      errorLogs: errors,
    };
  } finally {
    await adapter.stop();
    await fake.close();
  }
}
