import { createHash } from 'node:crypto';
import type { Example, VoteRecord } from '../../core/types.js';
import { FEATURES } from '../model/features.js';

/**
 * A digest of everything training reads, and of the scorer's features it fits: equal digests mean
 * retraining would learn nothing new. A release that adds a feature changes every digest, so a
 * deployed bot's next scheduled training fits the new feature's weight instead of skipping (a
 * model of the earlier scorer still answers meanwhile: a weight it lacks counts as 0).
 */
export function dataFingerprint(examples: readonly Example[], votes: readonly (VoteRecord & { phrase: string })[], features: readonly string[] = FEATURES): string {
  const h = createHash('sha256');
  h.update(`--features ${features.join(',')}--\n`);
  for (const e of examples) h.update(`${e.phrase}\t${e.label}\t${e.source}\t${e.weight}\n`);
  h.update('--votes--\n');
  // The admin mark only where set: adding it changed no digest of data without admin votes.
  for (const v of votes) h.update(`${v.phrase}\t${v.userId}\t${v.kind}\t${v.label}${v.voterIsAdmin === true ? '\tadmin' : ''}\n`);
  return h.digest('hex').slice(0, 32);
}
