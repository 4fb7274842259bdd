import { collapseVariants } from './fallback-repeat.js';

/**
 * Function words, intensifiers, place and time words, hedges and chat fillers. They say how much,
 * how sure, where or when, never which attribute, so a phrase's vector ignores them whenever a
 * content word is left ("very chonky" is about size, not about "very"; "cold in here" about the
 * cold; a phrase of stop words alone keeps them in its vector). Words that are often content words
 * too ("pretty", "real", "dead", "kind", "just", "even") are deliberately absent: dropping them
 * would lose "pretty dress" → beauty.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  // articles, determiners, pronouns, copulas
  'a', 'an', 'the', 'this', 'that', 'these', 'those', 'it', 'its', "it's", 'is', 'was', 'are', 'were', 'be',
  'been', 'being', 'am', "'s", 'my', 'your', 'his', 'her', 'our', 'their', 'i', 'you', 'he', 'she', 'we', 'they',
  'me', 'him', 'us', 'them', 'do', 'does', 'did', 'has', 'have', 'had', 'of', 'in', 'on', 'at', 'to', 'for', 'with',
  'and', 'or', 'but', 'as', 'by', 'from',
  // intensifiers and degree words
  'very', 'so', 'super', 'really', 'quite', 'extremely', 'too', 'totally', 'absolutely', 'incredibly', 'highly',
  'most', 'more', 'much', 'rather', 'fairly', 'somewhat', 'slightly', 'bit', 'truly', 'utterly', 'completely',
  'entirely', 'terribly', 'awfully', 'insanely', 'ridiculously', 'seriously', 'especially', 'exceptionally',
  'remarkably', 'unbelievably', 'amazingly', 'mega', 'ultra', 'uber', 'hella', 'af', 'asf', 'asl', 'way', 'less', 'least',
  // expletives used as intensifiers: "so freaking tired" is about tiredness
  'freaking', 'freakin', 'fricking', 'frickin', 'frigging', 'friggin', 'effing', 'fucking', 'fuckin',
  'overly', 'excessively', 'enough', 'almost', 'nearly', 'barely', 'hardly', 'also',
  // emphasizing adjectives: "a total rip-off" is about the rip-off, "utter nonsense" about nonsense
  'total', 'absolute', 'utter', 'sheer', 'outright', 'downright', 'extra',
  // where and when: "cold in here", "so tired today" are about cold and tiredness
  'here', 'there', 'now', 'today', 'tonight', 'yesterday', 'lately', 'anymore', 'rn', 'atm',
  // hedges and chat fillers
  'kinda', 'sorta', 'like', 'literally', 'basically', 'actually', 'lowkey', 'highkey', 'lol',
  'omg', 'tho', 'though', 'ish', 'maybe', 'perhaps', 'somehow', 'not', 'no', "n't", 'never', 'rly', 'v', 'soo',
  'honestly', 'tbh', 'ngl', 'imo', 'imho', 'idk', 'smh', 'lmao', 'lmfao', 'rofl', 'haha', 'hahaha', 'pls', 'plz',
  // interjections: "ugh so tired" is about tiredness
  'ugh', 'wow', 'damn', 'dang', 'bruh', 'oh', 'ah', 'uh', 'um', 'hmm', 'yeah', 'yep', 'ok', 'okay',
  // a pronoun and its verb in one word: "i'm so tired", "that's so cute"
  'im', "i'm", "i've", "you're", 'ur', "we're", "they're", "he's", "she's", "that's", "there's", "what's",
]);

/** True for a stop word, also when stretched ("sooo", "veryyy"). */
export function isStopWord(token: string): boolean {
  if (STOP_WORDS.has(token)) return true;
  return collapseVariants(token).some((v) => STOP_WORDS.has(v));
}
