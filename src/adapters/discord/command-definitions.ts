import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';

/** Command names, shared by the adapter (routing) and `attribot discord register`. */
export const DiscordCommandName = {
  attribute: 'attribute',
  correct: 'attribute-correct',
  admin: 'attribute-admin',
  /** The message context-menu command (right-click a message → Apps). */
  ofMessage: 'Name the attribute',
} as const;

/**
 * The three slash commands and the message command as Discord's JSON, registered by `attribot
 * discord register`. Guild-only: votes, admin roles and prediction messages all live in a server.
 * No `default_member_permissions` on the admin command: a configured role (not only Manage Server)
 * may use it, and the core refuses everyone else politely. No `max_length` either: the core owns
 * the phrase limits and explains them. `/attribute-correct word` autocompletes from the known labels.
 */
export const discordCommandDefinitions: readonly RESTPostAPIApplicationCommandsJSONBody[] = [
  {
    name: DiscordCommandName.attribute,
    type: ApplicationCommandType.ChatInput,
    description: 'Name the attribute a phrase describes (chonky → size)',
    contexts: [InteractionContextType.Guild],
    options: [
      { name: 'phrase', description: 'A word or short phrase, e.g. "very chonky"', type: ApplicationCommandOptionType.String, required: true },
    ],
  },
  {
    name: DiscordCommandName.correct,
    type: ApplicationCommandType.ChatInput,
    description: 'Give the right attribute for your latest /attribute answer',
    contexts: [InteractionContextType.Guild],
    options: [{ name: 'word', description: 'The right attribute, e.g. size', type: ApplicationCommandOptionType.String, required: true, autocomplete: true }],
  },
  {
    name: DiscordCommandName.admin,
    type: ApplicationCommandType.ChatInput,
    description: 'Admin: retrain, status, rollback …',
    contexts: [InteractionContextType.Guild],
    options: [
      { name: 'action', description: 'retrain | status | rollback (with arguments, if any)', type: ApplicationCommandOptionType.String, required: true },
    ],
  },
  // Message commands have a name (shown under Apps) and no description or options.
  { name: DiscordCommandName.ofMessage, type: ApplicationCommandType.Message, contexts: [InteractionContextType.Guild] },
];
