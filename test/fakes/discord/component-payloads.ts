import { interactionBase, type InteractionWhere } from './interaction-payload.js';
import { messagePayload, type StoredMessage } from './message-payload.js';
import { snowflake } from './payloads.js';

/**
 * INTERACTION_CREATE payloads beyond slash commands, as Discord sends them (API v10): a button
 * click (MESSAGE_COMPONENT, type 3), a submitted form (MODAL_SUBMIT, type 5), a message command
 * (APPLICATION_COMMAND, type 2 with `data.type` 3) and an autocomplete (type 4).
 */

/** A click on the button `customId` of `message`. */
export function buttonClickPayload(where: InteractionWhere, appId: string, botId: string, message: StoredMessage, customId: string) {
  const base = interactionBase(where, appId, 3);
  return { ...base, payload: { ...base.payload, message: messagePayload(message, botId), data: { custom_id: customId, component_type: 2 } } };
}

/** A form `customId` submitted with its text fields (custom id → value), each in a label (type 18) as modals have them now; opened from `message`, if any. */
export function formSubmitPayload(where: InteractionWhere, appId: string, botId: string, customId: string, fields: Record<string, string>, message?: StoredMessage) {
  const base = interactionBase(where, appId, 5);
  let n = 0;
  const components = Object.entries(fields).map(([id, value]) => ({ type: 18, id: ++n, component: { type: 4, id: ++n, custom_id: id, value } }));
  return { ...base, payload: { ...base.payload, ...(message ? { message: messagePayload(message, botId) } : {}), data: { custom_id: customId, components } } };
}

/** The message command `name` on `target` (it is resolved into the payload, content included). */
export function messageCommandPayload(where: InteractionWhere, appId: string, botId: string, name: string, target: StoredMessage) {
  const base = interactionBase(where, appId, 2);
  const data = { id: snowflake(), name, type: 3, guild_id: where.guildId, target_id: target.id, resolved: { messages: { [target.id]: messagePayload(target, botId) } } };
  return { ...base, payload: { ...base.payload, data } };
}

/** Typing into option `option` of `/command` (the focused one); other options as given. */
export function autocompletePayload(where: InteractionWhere, appId: string, command: string, option: string, typed: string) {
  const base = interactionBase(where, appId, 4);
  const data = { id: snowflake(), name: command, type: 1, guild_id: where.guildId, options: [{ name: option, type: 3, value: typed, focused: true }] };
  return { ...base, payload: { ...base.payload, data } };
}
