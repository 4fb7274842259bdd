import type { FakeDiscord, FakeUser, RecordedCall } from './fake-discord.js';
import type { StoredMessage } from './message-payload.js';

/** A human user with a snowflake-shaped id (the fake pages reaction users by id). */
export function fakeUser(n: number): FakeUser {
  return { id: (300_000_000_000_000_000n + BigInt(n)).toString(), username: `user${n}` };
}

/** Manage Server (ManageGuild, bit 5) as Discord sends a member's permissions. */
export const MANAGE_GUILD = (1n << 5n).toString();

export interface Where {
  guildId: string;
  channelId: string;
}

/**
 * Runs a slash command and waits until the bot answered it: the deferred response edited
 * (`PATCH …/@original`) or replaced by a follow-up (`POST /webhooks/:app/:token`).
 */
export async function runCommand(
  fake: FakeDiscord,
  where: Where,
  input: { command: string; options: Record<string, string>; user: FakeUser; permissions?: string; roles?: string[] },
  opts: { timeoutMs?: number; isAnswer?: (c: RecordedCall) => boolean } = {},
): Promise<{ token: string; answer: RecordedCall; calls: () => RecordedCall[] }> {
  const { token } = fake.sendInteraction({ ...where, ...input });
  const calls = () => fake.calls.filter((c) => c.path.includes(`/${token}`));
  const isAnswer = opts.isAnswer ?? ((c: RecordedCall) => isOriginalEdit(c) || isFollowUp(c));
  const answer = await fake.waitFor(() => calls().find(isAnswer), opts.timeoutMs ?? 20_000, `an answer to /${input.command}`);
  return { token, answer, calls };
}

export const isOriginalEdit = (c: RecordedCall): boolean => c.method === 'PATCH' && c.path.endsWith('/messages/@original');
export const isFollowUp = (c: RecordedCall): boolean => c.method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(c.path);
export const contentOf = (c: RecordedCall): string => (c.body as { content?: string } | undefined)?.content ?? '';

/** `/attribute <phrase>`, then waits for the prediction message and the bot's 7 vote reactions. */
export async function askAttribute(fake: FakeDiscord, where: Where, user: FakeUser, phrase: string): Promise<{ token: string; message: StoredMessage }> {
  const { token } = await runCommand(fake, where, { command: 'attribute', options: { phrase }, user });
  const message = await fake.waitFor(() => fake.original(token), 5_000, 'the prediction message');
  await fake.waitFor(() => reactionPuts(fake, message.id).length === 7, 10_000, 'the 7 vote reactions');
  return { token, message };
}

/** The bot's `PUT …/reactions/:emoji/@me` calls on a message, emoji decoded, in order. */
export function reactionPuts(fake: FakeDiscord, messageId: string): string[] {
  const re = new RegExp(`^/channels/\\d+/messages/${messageId}/reactions/([^/]+)/@me$`);
  return fake.calls.flatMap((c) => {
    const m = c.method === 'PUT' ? re.exec(c.path) : null;
    return m?.[1] === undefined ? [] : [decodeURIComponent(m[1])];
  });
}

/** The bot's edits of a message through the channel endpoint, newest last. */
export function messageEdits(fake: FakeDiscord, messageId: string): string[] {
  return fake.callsTo('PATCH', new RegExp(`^/channels/\\d+/messages/${messageId}$`)).map((c) => (c.body as { content: string }).content);
}
