import { admin } from '../commands/admin.js';
import { attribute } from '../commands/attribute.js';
import { correct } from '../commands/correct.js';
import { suggestLabels } from '../commands/label-suggestions.js';
import { attributeOfMessage } from '../commands/message-phrase.js';
import { quiz } from '../commands/quiz.js';
import { choice } from '../reactions/choice.js';
import { reaction } from '../reactions/reaction.js';
import { reconcile } from '../reactions/reconcile.js';
import type { ChatCore } from './chat-core.js';
import type { ChatDeps } from './deps.js';

/** The chat use cases bound to their dependencies. */
export function createChatCore(deps: ChatDeps): ChatCore {
  return {
    attribute: (ctx, text, source) =>
      source === 'message' ? attributeOfMessage(deps, ctx, text) : text.trim().toLowerCase() === 'quiz' ? quiz(deps, ctx) : attribute(deps, ctx, text),
    attachMessage: (id, messageId) => deps.storage.predictions.attachMessage(id, messageId),
    reaction: (ev) => reaction(deps, ev),
    vote: (ev) => choice(deps, ev),
    knownLabels: (typed, limit) => Promise.resolve(suggestLabels(deps.predictor.labels(), typed, limit)),
    correct: (ctx, word, ref) => correct(deps, ctx, word, ref),
    admin: (ctx, args, progress) => admin(deps, ctx, args, progress),
    reconcile: (platform, read) => reconcile(deps, platform, read),
  };
}
