import { createHash } from 'node:crypto';
import type { Example, VoteRecord } from '../../core/types.js';

/** A digest of everything training reads: equal digests mean retraining would learn nothing new. */
export function dataFingerprint(examples: readonly Example[], votes: readonly (VoteRecord & { phrase: string })[]): string {
  const h = createHash('sha256');
  for (const e of examples) h.update(`${e.phrase}\t${e.label}\t${e.source}\t${e.weight}\n`);
  h.update('--votes--\n');
  // The admin mark only where set, so digests of data without admin votes stay as they were.
  for (const v of votes) h.update(`${v.phrase}\t${v.userId}\t${v.kind}\t${v.label}${v.voterIsAdmin === true ? '\tadmin' : ''}\n`);
  return h.digest('hex').slice(0, 32);
}
