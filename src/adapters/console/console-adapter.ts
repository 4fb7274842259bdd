import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatContext, ChatCore, ChatFile, ChatReply } from '../../core/chat/chat-core.js';
import type { Logger } from '../../logger.js';
import { parseConsoleLine } from './parse-console-line.js';

/** Shown before each line the user types. */
export const CONSOLE_PROMPT = 'you> ';

const HELP = [
  'Type a phrase (or /attribute <phrase>) to get its attribute.',
  'Correct the last answer: :1 … :5 (candidate k is right), :ok (the first is right), :x <word> (none is; the right word).',
  '/attribute quiz asks you about a phrase I am unsure of. Admin: /attribute-admin retrain | status | stats | rollback | corrections.   Help: /help   Quit: /quit',
].join('\n');

export interface ConsoleOptions {
  core: ChatCore;
  input: Readable;
  output: Writable;
  logger: Logger;
  filesDir: string;
  user?: string;
  /** Printed once under the help, e.g. where the log file is. */
  banner?: string;
}

/**
 * The console "platform": a prompt on stdin/stdout driving the same core use cases as Discord and
 * Slack. The local user is an admin and is not rate-limited. Files of a reply (the stats chart)
 * are written to `filesDir` and their paths printed. Resolves when input ends or the user quits.
 */
export async function runConsoleAdapter(opts: ConsoleOptions): Promise<void> {
  const ctx: ChatContext = { platform: 'console', workspaceId: 'local', channelId: 'console', userId: opts.user ?? 'local', isAdmin: true, trusted: true };
  const print = (s: string) => opts.output.write(`${s}\n`);
  // The message id of the last prediction shown: what `:1`–`:5`, `:ok` and `:x` vote on.
  let last: string | null = null;
  const show = async (reply: ChatReply) => {
    print(reply.kind === 'error' ? `! ${reply.text}` : reply.text);
    if (reply.kind === 'text') for (const file of reply.files ?? []) print(`(${file.name} saved to ${await saveFile(opts.filesDir, file)})`);
  };
  const vote = async (emoji: string) => {
    if (!last) return null;
    return opts.core.reaction({ platform: 'console', channelId: ctx.channelId, messageId: last, userId: ctx.userId, emoji, added: true, isAdmin: ctx.isAdmin });
  };

  const rl = readline.createInterface({ input: opts.input, output: opts.output, terminal: false });
  print(HELP);
  if (opts.banner) print(opts.banner);
  opts.output.write(CONSOLE_PROMPT);
  for await (const line of rl) {
    const cmd = parseConsoleLine(line);
    if (cmd.kind === 'quit') break;
    try {
      switch (cmd.kind) {
        case 'empty':
          break;
        case 'help':
          print(HELP);
          break;
        case 'invalid':
          print(`! ${cmd.message}`);
          break;
        case 'attribute': {
          const reply = await opts.core.attribute(ctx, cmd.text);
          // Only a shown prediction becomes the answer later votes apply to; after anything
          // else a vote asks for a phrase first rather than landing on an older answer.
          last = null;
          if (reply.kind === 'prediction') {
            last = `console-${reply.predictionId}`;
            await opts.core.attachMessage(reply.predictionId, last);
          }
          await show(reply);
          break;
        }
        case 'react': {
          const r = await vote(cmd.emoji);
          if (r === null) print('! Ask something first: type a phrase.');
          else print(r.kind === 'ignored' ? '(already recorded)' : (r.update.text.split('\n').pop() ?? ''));
          break;
        }
        case 'reject':
          if (!last) print('! Ask something first: type a phrase.');
          // `:x <word>` is one vote, for the word; the ❌ alone is the vote "none of these".
          else if (cmd.word) await show(await opts.core.correct(ctx, cmd.word, { messageId: last }));
          else {
            const r = await vote('❌');
            print(r === null || r.kind === 'ignored' ? '(already recorded)' : `${r.update.text.split('\n').pop() ?? ''}\nWhat is the right word? Type :x <word>.`);
          }
          break;
        case 'correct':
          await show(await opts.core.correct(ctx, cmd.word, last ? { messageId: last } : undefined));
          break;
        case 'admin':
          await show(await opts.core.admin(ctx, cmd.args, (l) => Promise.resolve(void print(`… ${l}`))));
          break;
      }
    } catch (err) {
      opts.logger.error({ err }, 'console command failed');
      print(`! Something went wrong: ${err instanceof Error ? err.message : String(err)}`);
    }
    opts.output.write(CONSOLE_PROMPT);
  }
  rl.close();
}

/** Writes a reply's file under a time-stamped name (earlier charts are kept); returns its path. */
async function saveFile(dir: string, file: ChatFile): Promise<string> {
  await fs.mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const target = path.join(dir, `${stamp}-${path.basename(file.name)}`);
  await fs.writeFile(target, file.data);
  return target;
}
