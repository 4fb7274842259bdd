import type { FakeDiscord, InteractionWhere, RecordedCall } from './fake-discord.js';
import { runCommand, type Where } from './fake-driver.js';
import type { StoredMessage } from './message-payload.js';
import type { FakeUser } from './payloads.js';

/** A button as the bot sent it in a message's components. */
export interface SentButton {
  type: number;
  style: number;
  label: string;
  custom_id: string;
}

/** The buttons of a message, row by row. */
export function buttonRows(m: StoredMessage): SentButton[][] {
  return (m.components as { type: number; components: SentButton[] }[]).map((row) => row.components);
}

/** `/attribute <phrase>` answered with vote buttons: waits for the prediction message (with its components). */
export async function askWithButtons(fake: FakeDiscord, where: Where, user: FakeUser, phrase: string): Promise<{ token: string; message: StoredMessage }> {
  const { token } = await runCommand(fake, where, { command: 'attribute', options: { phrase }, user });
  const message = await fake.waitFor(() => {
    const m = fake.original(token);
    return m && m.components.length > 0 && m;
  }, 10_000, 'the prediction message with its buttons');
  return { token, message };
}

/** The REST calls the bot made to answer one command (its interaction routes) and on its message (reactions, edits). */
export function callsOfAnswer(fake: FakeDiscord, token: string, messageId: string): RecordedCall[] {
  return fake.calls.filter((c) => c.path.includes(`/${token}/`) || c.path.endsWith(`/${token}`) || c.path.includes(`/messages/${messageId}/`));
}

/**
 * Clicks a button (or submits a form) and waits for the bot's private answer: the callback's
 * message (type 4), or, when the bot deferred (type 5), the edit of its placeholder. Returns the text.
 */
export async function privateAnswer(fake: FakeDiscord, token: string): Promise<{ text: string; flags: number; deferred: boolean }> {
  const first = await fake.waitFor(() => fake.callbacksOf(token)[0], 10_000, 'the callback');
  const data = (first.data ?? {}) as { content?: string; flags?: number };
  if (first.type !== 5) return { text: data.content ?? '', flags: data.flags ?? 0, deferred: false };
  const edit = await fake.waitFor(() => fake.calls.find((c) => c.method === 'PATCH' && c.path.endsWith(`/${token}/messages/@original`)), 10_000, 'the edit of the deferred answer');
  return { text: (edit.body as { content?: string }).content ?? '', flags: data.flags ?? 0, deferred: true };
}

/** Clicks and waits for the answer. */
export async function click(fake: FakeDiscord, where: InteractionWhere, messageId: string, customId: string) {
  const { token } = fake.clickButton(where, messageId, customId);
  return { token, ...(await privateAnswer(fake, token)) };
}
