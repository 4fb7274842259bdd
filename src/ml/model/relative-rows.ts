import { phraseWords } from '../../core/text.js';
import { isStopWord } from '../encoder/glove/stop-words.js';
import { affixRelatives } from './affix-relatives.js';
import type { PhraseMemory } from './phrase-memory.js';

/**
 * Memory rows related to a phrase by form: for each content word, the word itself when the phrase
 * is more than that word ("boiling hot" → hot), and its affix relatives (unkind → kind); not for
 * the words in `ignored`, which say nothing of the quality (music in "enchanting music", little in
 * "a little wimpy": `CandidateSource.ignoredWords`). The
 * phrase's own row is never among them.
 */
export function relativeRows(memory: PhraseMemory, phrase: string, ignored: readonly string[] = []): number[] {
  const rows = new Set<number>();
  // A word as the memory has it, else without the punctuation around it ("tired!!" → tired).
  const words = phraseWords(phrase, (w) => memory.byPhrase.has(w));
  for (const word of words) {
    if (isStopWord(word) || ignored.includes(word)) continue;
    const forms = word === phrase ? affixRelatives(word) : [word, ...affixRelatives(word)];
    for (const form of forms) {
      const row = memory.byPhrase.get(form);
      if (row !== undefined) rows.add(row);
    }
  }
  return [...rows];
}
