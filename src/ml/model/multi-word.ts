import { isStopWord } from '../encoder/glove/stop-words.js';
import type { ScoringModel } from './scoring-model.js';

/**
 * Whether a phrase has more than one content word ("smells like fish", "hot stove"; not
 * "very chonky"): its words each bring evidence, which the scorer's weights — fitted on single
 * seed words — would add up into more certainty than such phrases earn.
 */
export function isMultiWord(phrase: string | undefined): boolean {
  if (phrase === undefined) return false;
  let content = 0;
  for (const word of phrase.split(' ')) if (word !== '' && !isStopWord(word) && ++content > 1) return true;
  return false;
}

/** The factor on a phrase's scores: the model's fitted multi-word scale for a phrase of several words, else 1. */
export function phraseScale(model: Pick<ScoringModel, 'multiWordScale'>, phrase: string | undefined): number {
  return model.multiWordScale !== undefined && isMultiWord(phrase) ? model.multiWordScale : 1;
}
