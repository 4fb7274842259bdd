import { describe, expect, it } from 'vitest';
import { isStopWord } from './stop-words.js';

describe('isStopWord', () => {
  it('knows intensifiers, hedges and function words, also stretched', () => {
    for (const w of ['very', 'super', 'so', 'really', 'the', 'quite', 'extremely', 'too', 'kinda', 'sooo', 'veryyy', 'total', 'utter']) {
      expect(isStopWord(w), w).toBe(true);
    }
  });

  it('knows words that say where or when, never which quality', () => {
    for (const w of ['here', 'there', 'today', 'tonight', 'now', 'rn']) expect(isStopWord(w), w).toBe(true);
  });

  it('knows chat interjections, expletive intensifiers and a pronoun written with its verb', () => {
    for (const w of ['ugh', 'wow', 'bruh', 'tbh', 'ngl', 'ughhh', "i'm", 'im', "that's", 'freaking', 'friggin', 'asf']) expect(isStopWord(w), w).toBe(true);
  });

  it('keeps words that are often content words', () => {
    for (const w of ['chonky', 'size', 'pretty', 'kind', 'dead', 'real', 'hot']) expect(isStopWord(w), w).toBe(false);
  });
});
