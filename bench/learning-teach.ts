/**
 * Simulated users for `bench:learning`: each asks `/attribute <phrase>` through the chat core, as
 * an adapter would, and answers like a person: ✅ when the first answer is right, the number of a
 * right answer among the five shown, else ❌ followed by `/attribute-correct <word>`.
 */
import type { ChatContext, ChatCore } from '../src/core/chat/chat-core.js';
import type { Storage } from '../src/core/ports.js';
import type { GroupMember } from '../src/ml/active-learning/learning-groups.js';

/** How the simulated users answered. */
export interface TeachOutcome {
  confirmed: number;
  chosen: number;
  corrected: number;
  /** Asked but not recorded (a refusal or an error reply). */
  failed: number;
}

const DIGITS = ['1️⃣', '2️⃣', '3️⃣', '4️⃣', '5️⃣'];

/** Teaches every member, one simulated user per phrase (so no voter's daily cap or rate limit applies). */
export async function teach(core: ChatCore, storage: Storage, members: readonly GroupMember[]): Promise<TeachOutcome> {
  const outcome: TeachOutcome = { confirmed: 0, chosen: 0, corrected: 0, failed: 0 };
  for (const [n, member] of members.entries()) {
    const ctx: ChatContext = { platform: 'console', workspaceId: 'bench', channelId: 'bench', userId: `sim-${n}`, isAdmin: false };
    const reply = await core.attribute(ctx, member.phrase);
    if (reply.kind !== 'prediction') {
      outcome.failed++;
      continue;
    }
    const messageId = `bench-${reply.predictionId}`;
    await core.attachMessage(reply.predictionId, messageId);
    const shown = (await storage.predictions.get(reply.predictionId))?.candidates ?? [];
    const accepted = new Set(member.labels);
    const right = shown.findIndex((c) => accepted.has(c.label));
    const react = (emoji: string) => core.reaction({ platform: 'console', channelId: 'bench', messageId, userId: ctx.userId, emoji, added: true });
    if (right === 0) {
      outcome.confirmed += (await react('✅')).kind === 'ignored' ? 0 : 1;
    } else if (right > 0 && right < DIGITS.length) {
      outcome.chosen += (await react(DIGITS[right] as string)).kind === 'ignored' ? 0 : 1;
    } else {
      await react('❌');
      const corrected = await core.correct(ctx, member.labels[0] ?? '', { messageId });
      if (corrected.kind === 'error') outcome.failed++;
      else outcome.corrected++;
    }
  }
  return outcome;
}
