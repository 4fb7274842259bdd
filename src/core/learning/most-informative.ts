import type { ChatDeps } from '../chat/deps.js';

/** How far back the pool reaches for questions nobody has voted on. */
const POOL_DAYS = 30;
/** The most phrases ranked at once (ranking encodes every one of them). */
const POOL_SIZE = 500;

/**
 * Uncertainty sampling: among recent questions nobody voted on, the phrase the active model is
 * least sure about (by margin and entropy), leaving out `exclude` (e.g. phrases already asked
 * about). Undefined when there is none.
 */
export async function mostInformativePhrase(deps: ChatDeps, exclude: ReadonlySet<string> = new Set()): Promise<string | undefined> {
  const now = deps.now?.() ?? new Date();
  const pool = await deps.storage.predictions.unvotedPhrasesSince(new Date(now.getTime() - POOL_DAYS * 86_400_000), POOL_SIZE + exclude.size);
  const candidates = pool.filter((p) => !exclude.has(p)).slice(0, POOL_SIZE);
  if (candidates.length === 0) return undefined;
  const [phrase] = await deps.predictor.mostUncertain(candidates);
  return phrase;
}

/** Heads a prediction the bot asks about on its own initiative (quiz, learning prompt). */
export function askingText(heading: string, predictionText: string): string {
  return `${heading} — I'm unsure about this one; which is right?\n${predictionText}`;
}
