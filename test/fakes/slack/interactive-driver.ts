import type { RecordedCall } from './fake-slack-api.js';
import { blockActionPayload, messageShortcutPayload, viewSubmissionPayload } from './interactive-payloads.js';
import type { SlackHarness } from './slack-harness.js';

/** A message the bot posted (with its blocks). */
function posted(h: SlackHarness, at: { channel: string; ts: string }) {
  const m = h.fake.message(at.channel, at.ts);
  if (!m) throw new Error(`fake slack: no message ${at.ts}`);
  return m;
}

/** `user` clicks the button `actionId` on a message; returns the HTTP answer (the ack) and the response URL used. */
export async function clickButton(h: SlackHarness, at: { channel: string; ts: string }, user: string, actionId: string) {
  const c = h.client.nextInteraction();
  const res = await h.client.interactive(blockActionPayload(c, user, posted(h, at), actionId));
  return { ...res, responseUrl: c.responseUrl };
}

/** `user` submits the most recently opened modal with plain text inputs (block id → value); returns the HTTP answer. */
export async function submitView(h: SlackHarness, user: string, values: Record<string, string>) {
  const view = h.fake.store.views.at(-1);
  if (!view) throw new Error('fake slack: no modal was opened');
  const res = await h.client.interactive(viewSubmissionPayload(h.client.nextInteraction(), user, view, values));
  return { ...res, json: res.body === '' ? undefined : (JSON.parse(res.body) as Record<string, unknown>) };
}

/** `user` runs the message shortcut `callbackId` on a message (seeded or posted). */
export async function runShortcut(h: SlackHarness, at: { channel: string; ts: string }, user: string, callbackId: string) {
  const c = h.client.nextInteraction();
  const res = await h.client.interactive(messageShortcutPayload(c, user, posted(h, at), callbackId));
  return { ...res, responseUrl: c.responseUrl };
}

/** Posts to one response URL (the id after `/response/`), oldest first. */
export function responsesTo(h: SlackHarness, responseUrl: string): RecordedCall[] {
  const id = decodeURIComponent(responseUrl.split('/response/')[1] ?? '');
  return h.fake.calls('response_url').filter((c) => c.responseId === id);
}
