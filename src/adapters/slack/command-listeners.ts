import type { App, RespondFn, SlashCommand } from '@slack/bolt';
import type { ChatContext, ChatReply } from '../../core/chat/chat-core.js';
import { AppError } from '../../errors.js';
import { BusyError } from '../shared/admission.js';
import { createCommandResponder, type CommandResponder } from './command-responder.js';
import { deliverReply } from './deliver-reply.js';
import type { SlackDeps } from './slack-deps.js';

type Run = (deps: SlackDeps, ctx: ChatContext, text: string, responder: CommandResponder) => Promise<ChatReply>;

/** The slash commands and the core use case each one calls. */
const COMMANDS: Readonly<Record<string, Run>> = {
  '/attribute': (deps, ctx, text) => deps.core.attribute(ctx, text),
  '/attribute-correct': (deps, ctx, text) => deps.core.correct(ctx, text.trim()),
  '/attribute-admin': (deps, ctx, text, responder) => deps.core.admin(ctx, text, (line) => responder.progress(line)),
};

/** Registers `/attribute`, `/attribute-correct` and `/attribute-admin` on the Bolt app. */
export function registerCommandListeners(app: App, deps: SlackDeps): void {
  for (const [name, run] of Object.entries(COMMANDS)) {
    app.command(name, async ({ command, ack, respond }) => {
      // Slack gives a command 3 seconds: acknowledge first, answer through response_url afterwards.
      // Not awaited: the HTTP response waits for the listener (events are answered only once their
      // vote is stored), while a command's work (a retrain) may take minutes. InFlight tracks it and
      // never rejects.
      await ack();
      void answerCommand(deps, command.command, commandContext(deps, command), respond, (ctx, responder) => run(deps, ctx, command.text, responder));
    });
  }
}

function commandContext(deps: SlackDeps, command: SlashCommand): ChatContext {
  return {
    platform: 'slack',
    workspaceId: command.team_id,
    channelId: command.channel_id,
    userId: command.user_id,
    isAdmin: deps.adminUserIds.includes(command.user_id),
  };
}

/**
 * Works on an acknowledged command (a slash command, or the message shortcut) in the background:
 * within the command bounds, its reply delivered through `respond` (the response URL) or the Web
 * API. A refusal or failure becomes a private sentence to the user.
 */
export async function answerCommand(
  deps: SlackDeps,
  what: string,
  ctx: ChatContext,
  respond: RespondFn | undefined,
  run: (ctx: ChatContext, responder: CommandResponder) => Promise<ChatReply>,
): Promise<void> {
  const responder = createCommandResponder({
    client: deps.client,
    respond,
    channelId: ctx.channelId,
    userId: ctx.userId,
    logger: deps.logger,
    progressIntervalMs: deps.progressIntervalMs,
  });
  const where = { command: what, channelId: ctx.channelId, userId: ctx.userId };
  await deps.inFlight.run(
    what,
    async () => {
      let reply: ChatReply;
      try {
        // Bounded: past the limit the user hears "busy" (BusyError's message) and nothing is done.
        reply = await deps.commands.run(() => run(ctx, responder));
      } catch (err) {
        // Shedding load under a flood is expected: a warning; anything else is an error.
        if (err instanceof BusyError) deps.logger.warn({ ...where }, 'slack: busy; command refused');
        else deps.logger.error({ err, ...where }, 'slack: command failed');
        // AppError messages are written for users; anything else stays in the log.
        const text = err instanceof AppError ? err.message : 'Something went wrong on my side. Please try again later.';
        await responder.ephemeral(text);
        return;
      }
      await deliverReply(deps, responder, ctx, reply);
    },
    where,
  );
}
