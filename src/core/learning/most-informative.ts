import type { ChatDeps } from '../chat/deps.js';

/** How far back the pool reaches for questions nobody has voted on. */
const POOL_DAYS = 30;
/** The most phrases ranked at once (ranking encodes every one of them). */
const POOL_SIZE = 500;
/** The most training phrases ranked at once when no recent question is left. */
const EXAMPLE_POOL_SIZE = 200;
const DAY_MS = 86_400_000;

/**
 * Phrases of the training examples (WordNet seed, imports) that nobody voted on, minus `exclude`:
 * a different window of {@link EXAMPLE_POOL_SIZE} each day, so every phrase comes up in time
 * without ranking thousands at once.
 */
async function unvotedExamplePhrases(deps: ChatDeps, exclude: ReadonlySet<string>, now: Date): Promise<string[]> {
  const [examples, votes] = await Promise.all([deps.storage.examples.listActive(), deps.storage.feedback.listLive()]);
  const voted = new Set(votes.map((v) => v.phrase));
  const phrases = [...new Set(examples.map((e) => e.phrase))].filter((p) => !voted.has(p) && !exclude.has(p));
  if (phrases.length <= EXAMPLE_POOL_SIZE) return phrases;
  const start = (Math.floor(now.getTime() / DAY_MS) * EXAMPLE_POOL_SIZE) % phrases.length;
  return [...phrases.slice(start), ...phrases.slice(0, start)].slice(0, EXAMPLE_POOL_SIZE);
}

/**
 * Uncertainty sampling: the phrase the active model is least sure about (by margin and entropy),
 * leaving out `exclude` (e.g. phrases already asked about). The pool is the recent questions
 * nobody voted on; when none is left, the training phrases (WordNet seed, imports) nobody voted
 * on. Undefined when both are empty.
 */
export async function mostInformativePhrase(deps: ChatDeps, exclude: ReadonlySet<string> = new Set()): Promise<string | undefined> {
  const now = deps.now?.() ?? new Date();
  const recent = await deps.storage.predictions.unvotedPhrasesSince(new Date(now.getTime() - POOL_DAYS * DAY_MS), POOL_SIZE + exclude.size);
  let candidates = recent.filter((p) => !exclude.has(p)).slice(0, POOL_SIZE);
  if (candidates.length === 0) candidates = await unvotedExamplePhrases(deps, exclude, now);
  if (candidates.length === 0) return undefined;
  const [phrase] = await deps.predictor.mostUncertain(candidates);
  return phrase;
}
