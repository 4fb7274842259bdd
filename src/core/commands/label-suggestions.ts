import { normalizeLabel } from '../text.js';

/** Discord shows at most 25 autocomplete choices. */
export const MAX_SUGGESTIONS = 25;

/**
 * Known labels for what a user typed so far (autocomplete of `/attribute-correct word`): labels
 * starting with it first, then labels with a word starting with it, then any containing it; each
 * group alphabetical. Nothing typed: the first labels alphabetically. Pure.
 */
export function suggestLabels(labels: Iterable<string>, typed: string, limit = MAX_SUGGESTIONS): string[] {
  const q = normalizeLabel(typed);
  const rank = (l: string): number => (l.startsWith(q) ? 0 : l.split(' ').some((w) => w.startsWith(q)) ? 1 : l.includes(q) ? 2 : 3);
  return [...new Set(labels)]
    .map((l) => ({ l, r: rank(l) }))
    .filter((x) => x.r < 3)
    .sort((a, b) => a.r - b.r || a.l.localeCompare(b.l))
    .slice(0, Math.max(0, limit))
    .map((x) => x.l);
}
