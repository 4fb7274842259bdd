/**
 * Slack names reactions by short name (`two`, `white_check_mark`), the core speaks unicode ('2️⃣', '✅').
 * This is the one place that translates between them.
 */

/** Slack short name → unicode, for the emoji the bot votes with. */
const NAME_TO_EMOJI: ReadonlyMap<string, string> = new Map([
  ['one', '1️⃣'],
  ['two', '2️⃣'],
  ['three', '3️⃣'],
  ['four', '4️⃣'],
  ['five', '5️⃣'],
  ['white_check_mark', '✅'],
  ['x', '❌'],
]);

const EMOJI_TO_NAME: ReadonlyMap<string, string> = new Map([...NAME_TO_EMOJI].map(([name, emoji]) => [emoji, name]));

/**
 * The unicode emoji for a Slack reaction name, or `undefined` when it is not one the core knows.
 * Skin-tone variants (`x::skin-tone-2`) count as the base emoji: a vote is a vote whatever the tone.
 */
export function slackNameToEmoji(name: string): string | undefined {
  const base = name.split('::', 1)[0] ?? name;
  return NAME_TO_EMOJI.get(base);
}

/** The Slack short name for a unicode emoji the core asks for, or `undefined` when there is none. */
export function emojiToSlackName(emoji: string): string | undefined {
  return EMOJI_TO_NAME.get(emoji);
}
