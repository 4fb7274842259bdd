import type { ChatContext } from '../chat/chat-core.js';
import type { ChatDeps } from '../chat/deps.js';
import { predictionReply } from '../commands/prediction-reply.js';
import type { ChannelPoster } from '../ports.js';
import type { Platform } from '../types.js';
import { mostInformativePhrase } from './most-informative.js';

/** The user id learning-prompt predictions are stored under (no platform user id looks like it). */
export const LEARNING_PROMPT_USER = 'attribot:learning-prompt';
/** A phrase a prompt was posted about is not asked again for this long, answered or not. */
const REPEAT_AFTER_DAYS = 7;

/** A channel learning prompts go to, and the adapter that posts there. */
export interface LearningTarget {
  poster: ChannelPoster;
  channelId: string;
}

export type LearningPromptOutcome =
  /** No unvoted recent phrase that was not asked about lately. */
  | { kind: 'nothing' }
  | {
      kind: 'asked';
      phrase: string;
      posted: { platform: Platform; channelId: string; predictionId: number }[];
      /** Targets that could not be posted to; the others were still tried. */
      failed: { platform: Platform; channelId: string; error: unknown }[];
    };

/**
 * One round of learning prompts: the phrase the model is least sure about (as for `/attribute
 * quiz`, but never one a prompt asked about in the last days) is posted to every target channel as
 * an ordinary prediction, stored under {@link LEARNING_PROMPT_USER}, so reactions on it are votes.
 */
export async function postLearningPrompts(deps: ChatDeps, targets: readonly LearningTarget[]): Promise<LearningPromptOutcome> {
  const now = deps.now?.() ?? new Date();
  const asked = await deps.storage.predictions.postedPhrasesOfUserSince(LEARNING_PROMPT_USER, new Date(now.getTime() - REPEAT_AFTER_DAYS * 86_400_000));
  const phrase = await mostInformativePhrase(deps, new Set(asked));
  if (phrase === undefined) return { kind: 'nothing' };
  const outcome: Extract<LearningPromptOutcome, { kind: 'asked' }> = { kind: 'asked', phrase, posted: [], failed: [] };
  for (const { poster, channelId } of targets) {
    try {
      const ctx: ChatContext = { platform: poster.platform, workspaceId: await poster.workspaceOf(channelId), channelId, userId: LEARNING_PROMPT_USER, isAdmin: false };
      // The bot asks on its own: no user's rate limit applies.
      const reply = await predictionReply(deps, ctx, phrase, phrase, 'Learning prompt');
      await poster.postPrediction(channelId, reply);
      outcome.posted.push({ platform: poster.platform, channelId, predictionId: reply.predictionId });
    } catch (err) {
      outcome.failed.push({ platform: poster.platform, channelId, error: err });
    }
  }
  return outcome;
}
