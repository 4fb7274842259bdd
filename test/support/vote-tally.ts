import type { Storage } from '../../src/core/ports.js';
import { voteFromEmoji } from '../../src/core/reactions/vote-from-emoji.js';

/** A small seeded PRNG (mulberry32): the same burst every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The vote reactions left on one prediction message: unicode emoji → the users who reacted with it. */
export interface ReactionsLeft {
  predictionId: number;
  reactions: Iterable<readonly [emoji: string, users: Iterable<string>]>;
}

/**
 * Compares the live votes in the database with the vote reactions left on the messages, on any
 * platform: `lost` are reactions without a live vote, `extra` live votes without a reaction.
 */
export async function compareTallies(storage: Storage, messages: Iterable<ReactionsLeft>): Promise<{ expected: number; lost: number; extra: number }> {
  let expected = 0;
  let lost = 0;
  let extra = 0;
  for (const m of messages) {
    const p = await storage.predictions.get(m.predictionId);
    if (!p) throw new Error(`prediction ${m.predictionId} missing`);
    const want = new Set<string>();
    for (const [emoji, users] of m.reactions) {
      for (const u of users) {
        const v = voteFromEmoji(emoji, p.id, u, p.candidates);
        if (v) want.add(`${v.userId}\t${v.kind}\t${v.label}`);
      }
    }
    const have = new Set((await storage.feedback.listForPrediction(p.id)).map((v) => `${v.userId}\t${v.kind}\t${v.label}`));
    expected += want.size;
    for (const k of want) if (!have.has(k)) lost++;
    for (const k of have) if (!want.has(k)) extra++;
  }
  return { expected, lost, extra };
}

/** The q-quantile (0…1) of `xs`. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] ?? Number.NaN;
}
