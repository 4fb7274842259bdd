import { AppError } from '../../errors.js';
import type { ChatContext, ChatReply } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { predictionUpdate } from '../reactions/store-vote.js';
import { validateLabel } from './validate.js';

/** `/attribute-correct <word>`: the right label for a prediction; an unseen word becomes a new label. */
export async function correct(deps: ChatDeps, ctx: ChatContext, word: string, ref?: { messageId?: string }): Promise<ChatReply> {
  let label: string;
  try {
    label = validateLabel(word);
  } catch (err) {
    if (err instanceof AppError) return { kind: 'error', ephemeral: true, text: err.message };
    throw err;
  }
  // Without a message: the prediction this user last marked ❌ (the bot asked them), else their last question.
  const prediction = ref?.messageId
    ? await deps.storage.predictions.findByMessage(ctx.platform, ctx.channelId, ref.messageId)
    : ((await deps.storage.feedback.latestRejectBy(ctx.platform, ctx.userId)) ?? (await deps.storage.predictions.latestForUser(ctx.platform, ctx.userId)));
  if (!prediction) {
    return { kind: 'error', ephemeral: true, text: 'I could not find a prediction to correct: ask with /attribute first.' };
  }
  // Typed corrections are `new_label` votes even when the word was a candidate: reconciliation
  // must not retract them for lack of a matching reaction.
  await deps.storage.feedback.record({ predictionId: prediction.id, userId: ctx.userId, kind: 'new_label', label, voterIsAdmin: ctx.isAdmin });
  // Durable now: every process learns it at once (instant learning); not awaited, see reaction.ts.
  void deps.storage.events.publishTaught(prediction.phrase).catch(() => undefined);
  await deps.storage.audit.append({
    actor: `${ctx.platform}:${ctx.userId}`,
    action: 'vote.correct',
    subject: `prediction:${prediction.id}`,
    after: { label, ...(ctx.isAdmin ? { admin: true } : {}) },
  });
  return {
    kind: 'text',
    ephemeral: true,
    text: deps.predictor.knowsLabel(label)
      ? `Thanks — recorded “${label}” for “${prediction.phraseRaw}”: learned — ask me again.`
      : `Thanks — recorded “${label}” for “${prediction.phraseRaw}”. “${label}” is a new word to me: I learn it at the next retrain.`,
    ...(prediction.messageId ? { update: await predictionUpdate(deps, { ...prediction, messageId: prediction.messageId }) } : {}),
  };
}
