import type { FakeMessage } from './fake-slack-store.js';

/**
 * Slack interactivity payloads (the JSON of the `payload` form field), with the fields Slack
 * sends: a button click on a message (`block_actions`), a submitted modal (`view_submission`) and
 * a message shortcut (`message_action`).
 */

interface Common {
  triggerId: string;
  responseUrl: string;
  teamId: string;
}

const userOf = (id: string, teamId: string) => ({ id, username: id.toLowerCase(), name: id.toLowerCase(), team_id: teamId });
const team = (teamId: string) => ({ id: teamId, domain: 'fake' });

/** The message as Slack includes it in payloads. */
function messageOf(m: FakeMessage) {
  return { type: 'message', user: m.user, ts: m.ts, text: m.text, team: 'T0001', ...(m.blocks ? { blocks: m.blocks } : {}) };
}

/** A click on the button `actionId` of `message` (its `value` and text read from the message's blocks). */
export function blockActionPayload(c: Common, user: string, message: FakeMessage, actionId: string) {
  const buttons = (message.blocks ?? []).flatMap((b) => ((b as { elements?: unknown[] }).elements ?? []) as { action_id?: string; value?: string; text?: unknown }[]);
  const button = buttons.find((e) => e.action_id === actionId);
  const block = (message.blocks ?? []).find((b) => ((b as { elements?: unknown[] }).elements ?? []).includes(button)) as { block_id?: string } | undefined;
  return {
    type: 'block_actions',
    user: userOf(user, c.teamId),
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: message.ts, channel_id: message.channel, is_ephemeral: false },
    trigger_id: c.triggerId,
    team: team(c.teamId),
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: message.channel, name: 'general' },
    message: messageOf(message),
    state: { values: {} },
    response_url: c.responseUrl,
    actions: [{ action_id: actionId, block_id: block?.block_id ?? 'b', text: button?.text, value: button?.value, type: 'button', action_ts: `${Date.now() / 1000}` }],
  };
}

/** A modal (as the bot opened it with `views.open`) submitted with plain text inputs: block id → value. */
export function viewSubmissionPayload(c: Common, user: string, view: { id: string; view: Record<string, unknown> }, values: Record<string, string>) {
  const blocks = (view.view['blocks'] ?? []) as { block_id?: string; element?: { action_id?: string } }[];
  const state = Object.fromEntries(
    Object.entries(values).map(([blockId, value]) => {
      const actionId = blocks.find((b) => b.block_id === blockId)?.element?.action_id ?? blockId;
      return [blockId, { [actionId]: { type: 'plain_text_input', value } }];
    }),
  );
  return {
    type: 'view_submission',
    team: team(c.teamId),
    user: userOf(user, c.teamId),
    api_app_id: 'A0APP',
    token: 'legacy-verification-token',
    trigger_id: c.triggerId,
    view: {
      ...view.view,
      id: view.id,
      team_id: c.teamId,
      state: { values: state },
      hash: `${Date.now()}.hash`,
      previous_view_id: null,
      root_view_id: view.id,
      app_id: 'A0APP',
      external_id: '',
      app_installed_team_id: c.teamId,
      bot_id: 'BBOT',
    },
    response_urls: [],
    is_enterprise_install: false,
    enterprise: null,
  };
}

/** The message shortcut `callbackId` used on `message`. */
export function messageShortcutPayload(c: Common, user: string, message: FakeMessage, callbackId: string) {
  return {
    type: 'message_action',
    token: 'legacy-verification-token',
    action_ts: `${Date.now() / 1000}`,
    team: team(c.teamId),
    user: userOf(user, c.teamId),
    channel: { id: message.channel, name: 'general' },
    is_enterprise_install: false,
    enterprise: null,
    callback_id: callbackId,
    trigger_id: c.triggerId,
    response_url: c.responseUrl,
    message_ts: message.ts,
    message: messageOf(message),
  };
}
