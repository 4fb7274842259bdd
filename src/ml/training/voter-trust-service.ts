import type { Storage, VoterTrustPort } from '../../core/ports.js';
import { ballotsByPhrase, voterKey } from './ballots.js';
import { trustedVotes } from './trusted-votes.js';
import { voterTrust } from './voter-weights.js';

/**
 * Voters' standing as the next retrain would see it: from the live votes training may use
 * (quarantine and daily cap applied). Reads every live vote per call: meant for an admin's
 * occasional look, not for hot paths.
 */
export function voterTrustService(storage: Storage): VoterTrustPort {
  return {
    async standing(platform, userId) {
      const [votes, quarantined] = await Promise.all([storage.feedback.listLive(), storage.quarantine.list()]);
      const key = voterKey({ platform, userId });
      if (quarantined.has(key)) return { quarantined: true, reliability: 0, overlapping: 0 };
      const trust = voterTrust(ballotsByPhrase(trustedVotes(votes, quarantined))).get(key);
      return trust ? { quarantined: false, reliability: trust.reliability, overlapping: trust.overlapping } : null;
    },
  };
}
