/**
 * Parser for one line of a WordNet `data.*` file (format: `wndb(5WN)`):
 * `offset lex_filenum ss_type w_cnt (word lex_id)+ p_cnt (symbol offset pos source/target)* [frames] | gloss`.
 */
import { InputError } from '../../errors.js';

/** Synset type: noun, verb, head adjective, satellite adjective, adverb. */
export type SynsetType = 'n' | 'v' | 'a' | 's' | 'r';

/** Syntactic marker WordNet appends to some adjectives: predicate, prenominal, immediately postnominal. */
export type AdjectiveMarker = 'p' | 'a' | 'ip';

/** One word of a synset, as written in the file (underscores and case kept). */
export interface SynsetWord {
  lemma: string;
  lexId: number;
  marker?: AdjectiveMarker;
}

/** A pointer from this synset (or one of its words) to another synset (or one of its words). */
export interface SynsetPointer {
  /** Pointer symbol, e.g. `=` attribute, `&` similar to, `+` derivationally related, `!` antonym. */
  symbol: string;
  /** Byte offset of the target synset in the target part of speech's data file. */
  offset: number;
  /** Target part of speech as written in the pointer (`a` also for satellites). */
  pos: SynsetType;
  /** 1-based word number in this synset; 0 when the pointer holds for the whole synset. */
  source: number;
  /** 1-based word number in the target synset; 0 when the pointer holds for the whole synset. */
  target: number;
}

/** A parsed synset. */
export interface Synset {
  offset: number;
  lexFilenum: number;
  ssType: SynsetType;
  words: SynsetWord[];
  pointers: SynsetPointer[];
  gloss: string;
}

const SYNSET_TYPES: ReadonlySet<string> = new Set(['n', 'v', 'a', 's', 'r']);
const MARKER = /^(.+)\((p|a|ip)\)$/;

function isSynsetType(value: string): value is SynsetType {
  return SYNSET_TYPES.has(value);
}

/**
 * Parses one synset line. `where` (e.g. `/…/data.adj line 30`) names the line in the error.
 *
 * @throws InputError (`input.invalid`) when the line does not follow the data file format.
 * @example
 * parseSynsetLine('00002098 00 a 01 unable 0 002 = 05207437 n 0000 ! 00001740 a 0101 | not able').words[0]?.lemma // 'unable'
 */
export function parseSynsetLine(line: string, where = 'WordNet data line'): Synset {
  const bar = line.indexOf(' | ');
  const head = bar === -1 ? line.trimEnd() : line.slice(0, bar);
  const gloss = bar === -1 ? '' : line.slice(bar + 3).trim();
  const fields = head.trim().split(' ');
  let at = 0;
  const fail = (why: string): never => {
    throw new InputError('input.invalid', `${where} is not a WordNet synset line: ${why}.`);
  };
  const next = (what: string): string => {
    const field = fields[at++];
    if (field === undefined || field === '') return fail(`missing ${what}`);
    return field;
  };
  const number = (what: string, radix: number, pattern: RegExp): number => {
    const field = next(what);
    if (!pattern.test(field)) return fail(`bad ${what} "${field}"`);
    return parseInt(field, radix);
  };

  const offset = number('synset offset', 10, /^\d{8}$/);
  const lexFilenum = number('lex_filenum', 10, /^\d{2}$/);
  const ssType = next('ss_type');
  if (!isSynsetType(ssType)) return fail(`bad ss_type "${ssType}"`);

  const wordCount = number('w_cnt', 16, /^[0-9a-f]{2}$/i);
  const words: SynsetWord[] = [];
  for (let i = 0; i < wordCount; i++) {
    const raw = next('word');
    const lexId = number('lex_id', 16, /^[0-9a-f]$/i);
    const marked = MARKER.exec(raw);
    words.push(marked ? { lemma: marked[1] ?? raw, lexId, marker: marked[2] as AdjectiveMarker } : { lemma: raw, lexId });
  }

  const pointerCount = number('p_cnt', 10, /^\d{3}$/);
  const pointers: SynsetPointer[] = [];
  for (let i = 0; i < pointerCount; i++) {
    const symbol = next('pointer symbol');
    const target = number('pointer offset', 10, /^\d{8}$/);
    const pos = next('pointer pos');
    if (!isSynsetType(pos)) return fail(`bad pointer pos "${pos}"`);
    const sourceTarget = next('pointer source/target');
    if (!/^[0-9a-f]{4}$/i.test(sourceTarget)) return fail(`bad pointer source/target "${sourceTarget}"`);
    pointers.push({
      symbol,
      offset: target,
      pos,
      source: parseInt(sourceTarget.slice(0, 2), 16),
      target: parseInt(sourceTarget.slice(2), 16),
    });
  }
  // Verb frames (`f_cnt + f_num w_num …`) follow only in data.verb; nothing here needs them.
  if (at < fields.length && ssType !== 'v') return fail(`unexpected "${fields[at] ?? ''}" after the pointers`);

  return { offset, lexFilenum, ssType, words, pointers, gloss };
}
