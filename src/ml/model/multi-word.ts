import { phraseWords } from '../../core/text.js';
import { isStopWord } from '../encoder/glove/stop-words.js';
import type { PhraseCandidates } from './open-candidates.js';
import type { ScoringModel } from './scoring-model.js';

/**
 * Whether a phrase has more than one content word ("smells like fish", "hot stove"; not
 * "very chonky", "a little wimpy" or "so pissed off": `PhraseCandidates.content` when known, else
 * its words but the stop words): its words each bring evidence, which the scorer's weights —
 * fitted on single seed words — would add up into more certainty than such phrases earn.
 */
export function isMultiWord(phrase: string | undefined, extra?: Pick<PhraseCandidates, 'content'>): boolean {
  if (phrase === undefined) return false;
  if (extra?.content) return extra.content.length > 1;
  let content = 0;
  for (const word of phraseWords(phrase)) if (!isStopWord(word) && ++content > 1) return true;
  return false;
}

/** The factor on a phrase's scores: the model's fitted multi-word scale for a phrase of several words, else 1. */
export function phraseScale(model: Pick<ScoringModel, 'multiWordScale'>, phrase: string | undefined, extra?: Pick<PhraseCandidates, 'content'>): number {
  return model.multiWordScale !== undefined && isMultiWord(phrase, extra) ? model.multiWordScale : 1;
}
