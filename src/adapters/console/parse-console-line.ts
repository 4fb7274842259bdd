/** What one console line asks for. */
export type ConsoleInput =
  | { kind: 'attribute'; text: string }
  | { kind: 'admin'; args: string }
  | { kind: 'correct'; word: string }
  | { kind: 'react'; emoji: string; word?: string }
  | { kind: 'help' }
  | { kind: 'quit' }
  | { kind: 'empty' };

const NUMBERS = ['1️⃣', '2️⃣', '3️⃣', '4️⃣', '5️⃣'];

/** Parses `/attribute very chonky`, `:2`, `:ok`, `:x smell`, `/attribute-admin retrain`, `/quit`. */
export function parseConsoleLine(line: string): ConsoleInput {
  const t = line.trim();
  if (t === '') return { kind: 'empty' };
  if (t === '/quit' || t === '/exit') return { kind: 'quit' };
  if (t === '/help' || t === '?') return { kind: 'help' };
  const cmd = /^\/(attribute-admin|attribute-correct|attribute)(?:\s+(.*))?$/s.exec(t);
  if (cmd) {
    const rest = cmd[2] ?? '';
    if (cmd[1] === 'attribute-admin') return { kind: 'admin', args: rest };
    if (cmd[1] === 'attribute-correct') return { kind: 'correct', word: rest };
    return { kind: 'attribute', text: rest };
  }
  const vote = /^:(\S+)(?:\s+(.*))?$/s.exec(t);
  if (vote) {
    const v = (vote[1] ?? '').toLowerCase();
    const n = Number(v);
    if (Number.isInteger(n) && n >= 1 && n <= 5) return { kind: 'react', emoji: NUMBERS[n - 1] ?? '' };
    if (v === 'ok' || v === 'y') return { kind: 'react', emoji: '✅' };
    if (v === 'x' || v === 'no') return vote[2] ? { kind: 'react', emoji: '❌', word: vote[2].trim() } : { kind: 'react', emoji: '❌' };
  }
  // A bare phrase is the common case at a prompt.
  return { kind: 'attribute', text: t };
}
