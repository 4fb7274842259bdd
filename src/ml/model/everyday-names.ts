/**
 * Data, not rules: the everyday word for WordNet attribute terms that no single-word label of
 * theirs names (what a person calls "taste property" is taste). A class with such a display label
 * is shown by the word; classes shown by the same word are one answer (see `rank.ts`).
 */
export const EVERYDAY_NAMES: ReadonlyMap<string, string> = new Map([
  ['taste property', 'taste'],
  ['financial condition', 'wealth'],
  ['spatial relation', 'position'],
  ['temporal relation', 'timing'],
  ['scientific knowledge', 'knowledge'],
]);
