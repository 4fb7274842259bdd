import { VOTE_EMOJI, type ChatCore } from '../../../src/core/chat/chat-core.js';
import type { Storage } from '../../../src/core/ports.js';
import { compareTallies, seeded } from '../../support/vote-tally.js';
import { fakeUser, type Where } from './fake-driver.js';
import type { FakeDiscord, FakeUser } from './fake-discord.js';

/** A prediction message in the fake guild, mapped in the database. */
export interface DiscordBurstMessage {
  messageId: string;
  predictionId: number;
}

export interface DiscordBurstOptions {
  reactions: number;
  users: number;
  seed: number;
  /** Gateway dispatches sent before the burst yields to the event loop (the bot shares it here). */
  batch?: number;
}

/** Asks `/attribute` through the core `n` times and posts each answer as a bot message in the fake channel. */
export async function postDiscordBurstMessages(core: ChatCore, fake: FakeDiscord, where: Where, n: number): Promise<DiscordBurstMessage[]> {
  const phrases = ['very large', 'very hot', 'pretty cheap', 'so tasty', 'quite loud', 'very fast', 'kind of smelly', 'really strong'];
  const out: DiscordBurstMessage[] = [];
  for (let i = 0; i < n; i++) {
    const ctx = { platform: 'discord' as const, workspaceId: where.guildId, channelId: where.channelId, userId: fakeUser(900 + (i % 50)).id, isAdmin: false };
    const reply = await core.attribute(ctx, phrases[i % phrases.length] ?? 'big');
    if (reply.kind !== 'prediction') throw new Error(`no prediction: ${reply.text}`);
    const msg = fake.state.createMessage({ channelId: where.channelId, guildId: where.guildId, content: reply.text });
    await core.attachMessage(reply.predictionId, msg.id);
    out.push({ messageId: msg.id, predictionId: reply.predictionId });
  }
  return out;
}

/**
 * Users toggle random vote reactions on random messages: each toggle changes the fake's message
 * and is dispatched on the gateway (`MESSAGE_REACTION_ADD` / `_REMOVE`), as Discord does — once,
 * with no acknowledgement and no redelivery. Dispatches go out round-robin over the users, so one
 * user's toggles stay in order. Returns the number dispatched.
 */
export async function runDiscordVoteBurst(fake: FakeDiscord, where: Where, messages: readonly DiscordBurstMessage[], opts: DiscordBurstOptions): Promise<number> {
  const rand = seeded(opts.seed);
  const users: FakeUser[] = Array.from({ length: opts.users }, (_, i) => fakeUser(10_000 + i));
  const perUser = users.map(() => [] as { m: DiscordBurstMessage; emoji: string }[]);
  for (let i = 0; i < opts.reactions; i++) {
    const m = messages[Math.floor(rand() * messages.length)] as DiscordBurstMessage;
    perUser[i % users.length]?.push({ m, emoji: VOTE_EMOJI[Math.floor(rand() * VOTE_EMOJI.length)] as string });
  }
  let sent = 0;
  for (let round = 0; perUser.some((ops) => ops.length > round); round++) {
    for (const [u, ops] of perUser.entries()) {
      const op = ops[round];
      const user = users[u];
      if (!op || !user) continue;
      const msg = fake.state.messages.get(op.m.messageId);
      if (!msg) throw new Error(`message ${op.m.messageId} missing`);
      const action = msg.reactions.get(op.emoji)?.has(user.id) ? 'remove' : 'add';
      fake.sendReaction(action, { channelId: where.channelId, messageId: op.m.messageId, user, emoji: op.emoji });
      if (++sent % (opts.batch ?? 200) === 0) await new Promise((r) => setImmediate(r));
    }
  }
  return sent;
}

/** {@link compareTallies} of the vote reactions left on the fake's messages (the bot's own excluded). */
export function compareDiscordTallies(storage: Storage, fake: FakeDiscord, messages: readonly DiscordBurstMessage[]): ReturnType<typeof compareTallies> {
  return compareTallies(
    storage,
    messages.map((m) => ({
      predictionId: m.predictionId,
      reactions: [...(fake.state.messages.get(m.messageId)?.reactions ?? [])].map(([emoji, users]) => [emoji, [...users].filter((u) => u !== fake.bot.id)] as const),
    })),
  );
}
