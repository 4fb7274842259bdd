import type { AutocompleteInteraction } from 'discord.js';
import { DiscordCommandName } from './command-definitions.js';
import type { DiscordDeps } from './discord-deps.js';

/** Discord shows at most 25 choices. */
const MAX_CHOICES = 25;

/** Autocomplete of `/attribute-correct word`: the core's known labels matching what was typed (none for any other option). */
export async function handleAutocomplete(interaction: AutocompleteInteraction, deps: DiscordDeps): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const ours = interaction.commandName === DiscordCommandName.correct && focused.name === 'word';
  const labels = ours ? await deps.core.knownLabels(String(focused.value), MAX_CHOICES) : [];
  await interaction.respond(labels.slice(0, MAX_CHOICES).map((l) => ({ name: l, value: l })));
}
