import fs from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatContext, ChatCore, ChatFile, ChatReply } from '../../core/chat/chat-core.js';
import type { Logger } from '../../logger.js';
import { parseConsoleLine } from './parse-console-line.js';

const HELP = [
  'Type a phrase (or /attribute <phrase>) to get its attribute.',
  'Correct the last answer: :1 … :5 (candidate k is right), :ok (the first is right), :x <word> (none is; the right word).',
  '/attribute quiz asks you about a phrase I am unsure of. Admin: /attribute-admin retrain | status | stats | rollback | corrections.   Quit: /quit',
].join('\n');

/**
 * The console "platform": a prompt on stdin/stdout driving the same core use cases as Discord and
 * Slack. The local user is an admin. Files of a reply (the stats chart) are written to `filesDir`
 * and their paths printed. Resolves when input ends or the user quits.
 */
export async function runConsoleAdapter(opts: {
  core: ChatCore;
  input: Readable;
  output: Writable;
  logger: Logger;
  filesDir: string;
  user?: string;
}): Promise<void> {
  const ctx: ChatContext = { platform: 'console', workspaceId: 'local', channelId: 'console', userId: opts.user ?? 'local', isAdmin: true };
  const print = (s: string) => opts.output.write(`${s}\n`);
  let last: string | null = null;
  const show = async (reply: ChatReply) => {
    print(reply.kind === 'error' ? `! ${reply.text}` : reply.text);
    if (reply.kind === 'text') for (const file of reply.files ?? []) print(`(${file.name} saved to ${await saveFile(opts.filesDir, file)})`);
  };

  const rl = readline.createInterface({ input: opts.input, output: opts.output, terminal: false });
  print(HELP);
  for await (const line of rl) {
    const cmd = parseConsoleLine(line);
    try {
      if (cmd.kind === 'quit') break;
      if (cmd.kind === 'help') print(HELP);
      if (cmd.kind === 'attribute') {
        const reply = await opts.core.attribute(ctx, cmd.text);
        if (reply.kind === 'prediction') {
          last = `console-${reply.predictionId}`;
          await opts.core.attachMessage(reply.predictionId, last);
        }
        await show(reply);
      }
      if (cmd.kind === 'react') {
        if (!last) {
          print('! Ask something first: type a phrase.');
          continue;
        }
        const r = await opts.core.reaction({ platform: 'console', channelId: 'console', messageId: last, userId: ctx.userId, emoji: cmd.emoji, added: true, isAdmin: ctx.isAdmin });
        if (r.kind === 'ignored') print('(already recorded)');
        else print(r.update.text.split('\n').pop() ?? '');
        if (r.kind === 'ask-word') {
          if (cmd.word) await show(await opts.core.correct(ctx, cmd.word, { messageId: last }));
          else print(r.prompt);
        }
      }
      if (cmd.kind === 'correct') await show(await opts.core.correct(ctx, cmd.word, last ? { messageId: last } : undefined));
      if (cmd.kind === 'admin') await show(await opts.core.admin(ctx, cmd.args, (line) => Promise.resolve(void print(`… ${line}`))));
    } catch (err) {
      opts.logger.error({ err }, 'console command failed');
      print(`! Something went wrong: ${err instanceof Error ? err.message : String(err)}`);
    }
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
