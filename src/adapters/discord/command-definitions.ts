import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';

/** Slash command names, shared by the adapter (routing) and `attribot discord register`. */
export const DiscordCommandName = {
  attribute: 'attribute',
  correct: 'attribute-correct',
  admin: 'attribute-admin',
} as const;

/**
 * The three slash commands as Discord's JSON, registered by `attribot discord register`. Guild-only:
 * votes, admin roles and prediction messages all live in a server. No `default_member_permissions`
 * on the admin command: a configured role (not only Manage Server) may use it, and the core refuses
 * everyone else politely. No `max_length` either: the core owns the phrase limits and explains them.
 */
export const discordCommandDefinitions: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[] = [
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
    options: [{ name: 'word', description: 'The right attribute, e.g. size', type: ApplicationCommandOptionType.String, required: true }],
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
];
