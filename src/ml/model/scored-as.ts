import type { PhraseCandidates } from './open-candidates.js';
import type { ScoringModel } from './scoring-model.js';

/**
 * The phrase a phrase is scored as: itself, or — when its content words (`PhraseCandidates.content`:
 * stop words and degree adverbs left out, "so pissed off" → pissed off) are a seed phrase nobody taught — that seed phrase.
 * "kinda mid" is then scored as "mid" is: by the head trained without it, with its own row out of
 * the neighbours and the relatives. WordNet's label for a seeded word is weak evidence, never its
 * answer; without this, an intensifier would turn it back into the answer ("kinda mid" → timing
 * 99% while "mid" alone weighs the other evidence). What people taught stays memorised.
 *
 * @example
 * scoredAs(model, 'kinda mid', { ...extra, content: ['mid'] }) // 'mid' when mid is a seed phrase
 */
export function scoredAs(model: Pick<ScoringModel, 'folds' | 'taught'>, phrase: string, extra: Pick<PhraseCandidates, 'content'> | undefined): string {
  const core = extra?.content?.join(' ');
  return core !== undefined && model.folds?.seed.has(core) === true && model.taught?.has(core) !== true ? core : phrase;
}
