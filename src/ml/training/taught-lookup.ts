import type { Storage } from '../../core/ports.js';
import type { TaughtLookup } from '../model/predictor.js';
import { buildTrainingSet } from './training-set.js';
import { trustedVotes } from './trusted-votes.js';

/**
 * What people teach about a phrase right now, counted as the next training will count it (trusted
 * votes only, each voter once per label, admins weighing more); null when no live vote names a label.
 */
export function taughtLookup(storage: Storage): TaughtLookup {
  return async (phrase) => {
    const [votes, quarantined] = await Promise.all([storage.feedback.listLive(phrase), storage.quarantine.list()]);
    const set = buildTrainingSet([], trustedVotes(votes, quarantined));
    return set.train.find((p) => p.phrase === phrase)?.target ?? null;
  };
}
