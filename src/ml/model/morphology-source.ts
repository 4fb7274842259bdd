import { phraseWords } from '../../core/text.js';
import { readExclusionSet } from '../dataset/exclusion-set.js';
import { collapseVariants } from '../encoder/glove/fallback-repeat.js';
import { slangMeaning } from '../encoder/glove/fallback-slang.js';
import { isStopWord } from '../encoder/glove/stop-words.js';
import { functionWords, loadDegreeAdverbs } from '../wordnet/degree-adverbs.js';
import { adjectiveBases } from '../wordnet/comparative-forms.js';
import { buildMorphology } from '../wordnet/morphology.js';
import { joinLemmas } from '../wordnet/multi-word-lemmas.js';
import { loadNounHypernyms } from '../wordnet/noun-hypernyms.js';
import { loadNounOnlyWords } from '../wordnet/noun-only-words.js';
import { loadGlossWords } from '../wordnet/gloss-words.js';
import { loadVerbNouns } from '../wordnet/verb-nouns.js';
import { loadWordSenses } from '../wordnet/word-senses.js';
import type { CandidateSource } from './open-candidates.js';
import type { WordFrequency } from './word-frequency.js';

/**
 * WordNet derivational morphology as a candidate source: for every word of a phrase, the nouns
 * derived from it (dangerous → danger; from a verb too: smells → smell, `verb-nouns.ts`), with
 * what WordNet's noun hierarchy says of each: its hypernyms (saltiness → taste property), what it
 * is first of all a kind of, and whether it names no quality (salt, pack, athletics). In a phrase
 * of several words, a word WordNet knows only as a noun names the thing described (music in
 * "enchanting music") and derives nothing; nor do the words of a degree adverb (little in "a little
 * wimpy", `degree-adverbs.ts`): both are `ignoredWords`. An adjective of several words is looked
 * up as one word ("so pissed off", `multi-word-lemmas.ts`). The others' WordNet definitions are given too
 * (`glossWords`, `gloss-words.ts`). Built with the excluded phrases (evaluation sets) left out,
 * exactly like the training data, so an evaluation measures learning rather than a lookup.
 * With `frequency`, each noun also says whether and how often people say it (`CandidateFacts.uses`).
 */
export async function morphologySource(exclude: readonly string[], frequency?: WordFrequency): Promise<CandidateSource> {
  const excluded = exclude.length > 0 ? await readExclusionSet(exclude) : new Set<string>();
  const [morph, hierarchy] = await Promise.all([buildMorphology({ exclude: excluded }), loadNounHypernyms()]);
  const [senses, nouns, adverbs] = await Promise.all([loadWordSenses({ exclude: excluded }), morph.index.nounLemmas(), loadDegreeAdverbs()]);
  const [nounOnly, verbs, glosses] = await Promise.all([
    loadNounOnlyWords({ exclude: excluded, nouns }),
    loadVerbNouns({ exclude: excluded, senses }),
    loadGlossWords({ exclude: excluded, senses }),
  ]);
  // A chat message's words without the punctuation and emoji around them ("tired!!", "tired :("),
  // but a word WordNet knows as written keeps its own ("a.m."); a stretched word WordNet does not
  // know is read as the collapsed spelling people say most, or else that WordNet knows
  // ("sleeeepy" → sleepy, "cooool" → cool, not col), as the GloVe encoder reads it. Spoken
  // frequency, not WordNet, picks it, so an excluded word stretched reads as the excluded word.
  const knows = (w: string) => nouns.has(w) || senses.read(w, 1) !== undefined;
  const said = (w: string) => frequency?.count(w) ?? 0;
  const unstretched = (w: string) => {
    if (knows(w)) return w;
    const variants = collapseVariants(w).filter((v) => said(v) > 0 || knows(v));
    return variants.reduce((best, v) => (said(v) > said(best) ? v : best), variants[0] ?? w);
  };
  // A comparative or superlative WordNet does not list is its adjective (colder → cold, tastiest
  // → tasty): the same attribute, more of it.
  const uninflected = (w: string) => (knows(w) ? w : (adjectiveBases(w).find((b) => senses.isAdjective(b)) ?? w));
  const wordsOf = (phrase: string) => phraseWords(phrase, knows).map((w) => uninflected(unstretched(w)));
  // An adjective of several words is one word ("so pissed off": pissed off, not pissed and off).
  // Intensifiers and degree adverbs would only add noise (very → verity, "a little wimpy" → size);
  // a phrase of stop words alone keeps them, as its vector does (here → hereness).
  const contentWords = (phrase: string) => {
    const words = joinLemmas(wordsOf(phrase), (f) => senses.isAdjective(f), (w) => nounOnly.has(w));
    const mask = functionWords(words, adverbs, (w) => nounOnly.has(w));
    const content = words.filter((_, i) => !mask[i]);
    return content.length > 0 ? content : words;
  };
  // Beside other words a noun is the thing described: "enchanting music" is not about musicality.
  const described = (words: readonly string[]) => (words.length > 1 ? words.filter((w) => nounOnly.has(w)) : []);
  // Slang WordNet does not know is looked up as the standard word it stands for (smol → small),
  // the lexicon the GloVe encoder reads it with; an excluded word stays unknown.
  const lookedUp = (w: string) => (excluded.has(w) || knows(w) ? w : (slangMeaning(w) ?? w));
  // The words that say something of the thing: the content words but the described ones.
  const describingWords = (phrase: string) => {
    const words = contentWords(phrase);
    const things = described(words);
    return words.filter((w) => !things.includes(w));
  };
  const describing = (phrase: string) => describingWords(phrase).map(lookedUp);
  return {
    candidates: (phrase) => [...new Set(describing(phrase).flatMap((w) => [...morph.nounCandidates(w), ...verbs.nouns(w)]))],
    ignoredWords: (phrase) => {
      const kept = describingWords(phrase);
      return wordsOf(phrase).filter((w) => !isStopWord(w) && !kept.includes(w));
    },
    glossWords: (phrase) => [...new Set(describing(phrase).flatMap((w) => glosses.words(w)))],
    contentWords,
    describe: (noun) => ({
      hints: hierarchy.hypernyms(noun),
      parents: hierarchy.parents(noun),
      thing: hierarchy.isThing(noun),
      sense: hierarchy.firstSense(noun),
      ...(frequency ? { uses: frequency.count(noun) } : {}),
    }),
  };
}
