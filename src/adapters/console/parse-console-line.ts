/** What one console line asks for. */
export type ConsoleInput =
  | { kind: 'attribute'; text: string }
  | { kind: 'admin'; args: string }
  | { kind: 'correct'; word: string }
  /** `:1`–`:5` or `:ok`: a vote on the last answer. */
  | { kind: 'react'; emoji: string }
  /** `:x` (none is right) or `:x <word>` (none is; this word is). */
  | { kind: 'reject'; word?: string }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'empty' }
  /** A line that looks like a command but is not one: never treated as a phrase. */
  | { kind: 'invalid'; message: string };

const NUMBERS = ['1️⃣', '2️⃣', '3️⃣', '4️⃣', '5️⃣'];
const COMMANDS = '/attribute <phrase>, /attribute-correct <word>, /attribute-admin <command>, /help, /quit';
const VOTES = ':1 … :5, :ok, :x [word]';

const invalid = (message: string): ConsoleInput => ({ kind: 'invalid', message });

/** A command that takes no argument: the bare command, or an error naming the extra words. */
function bare(name: string, rest: string, input: ConsoleInput): ConsoleInput {
  return rest === '' ? input : invalid(`${name} takes no arguments (got “${rest}”).`);
}

function parseSlash(name: string, rest: string): ConsoleInput {
  switch (name) {
    case 'quit':
    case 'exit':
      return bare(`/${name}`, rest, { kind: 'quit' });
    case 'help':
      return bare('/help', rest, { kind: 'help' });
    case 'attribute':
      return { kind: 'attribute', text: rest };
    case 'attribute-correct':
      return rest === '' ? invalid('/attribute-correct needs the right word, e.g. /attribute-correct size.') : { kind: 'correct', word: rest };
    case 'attribute-admin':
      return { kind: 'admin', args: rest };
    default:
      return invalid(`Unknown command “/${name}”. Commands: ${COMMANDS}.`);
  }
}

function parseVote(name: string, rest: string): ConsoleInput {
  const v = name.toLowerCase();
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    if (n < 1 || n > 5) return invalid(`:${name} is not a candidate: choose :1 to :5.`);
    return bare(`:${n}`, rest, { kind: 'react', emoji: NUMBERS[n - 1] ?? '' });
  }
  if (v === 'ok' || v === 'y') return bare(`:${v}`, rest, { kind: 'react', emoji: '✅' });
  if (v === 'x' || v === 'no') return rest === '' ? { kind: 'reject' } : { kind: 'reject', word: rest };
  return invalid(`Unknown vote “:${name}”. Votes on the last answer: ${VOTES}.`);
}

/**
 * Parses one console line strictly: `/attribute very chonky` or a bare phrase, `:2`, `:ok`,
 * `:x smell`, `/attribute-admin retrain`, `/help`, `/quit`. Anything that starts like a command
 * (`/`, or `:` followed by a letter or digit) but is not one is `invalid`, never a phrase: a typo
 * must not be predicted, stored, or become the answer a later vote applies to.
 */
export function parseConsoleLine(line: string): ConsoleInput {
  const t = line.trim();
  if (t === '') return { kind: 'empty' };
  if (t === '?') return { kind: 'help' };
  const slash = /^\/(\S*)(?:\s+(.*))?$/s.exec(t);
  if (slash) return parseSlash(slash[1] ?? '', (slash[2] ?? '').trim());
  // `:` then a letter or digit is a vote; a phrase such as ":)" stays a phrase.
  const vote = /^:([\p{L}\p{N}]\S*)(?:\s+(.*))?$/su.exec(t);
  if (vote) return parseVote(vote[1] ?? '', (vote[2] ?? '').trim());
  // A bare phrase is the common case at a prompt.
  return { kind: 'attribute', text: t };
}
