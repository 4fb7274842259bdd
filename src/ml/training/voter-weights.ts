import type { Ballot } from './ballots.js';

/**
 * Beta(PRIOR_AGREE, PRIOR_DISAGREE) prior on how often a voter agrees with the others. Its mean,
 * 2/3, presumes an unknown voter is more often right than wrong, yet ranks them below voters who
 * proved themselves (towards 1); its strength, 3 pseudo-phrases, lets evidence outweigh it after a
 * handful of shared phrases, so a consistent outlier sinks fast (2/(n+3): 0.25 after 5, 0.1 after 17).
 */
export const PRIOR_AGREE = 2;
/** See {@link PRIOR_AGREE}. */
export const PRIOR_DISAGREE = 1;
/** A voter's reliability before they shared any phrase with another voter: the prior mean. */
export const PRIOR_RELIABILITY = PRIOR_AGREE / (PRIOR_AGREE + PRIOR_DISAGREE);
/** An admin's ballot weighs this many times a non-admin's of equal reliability: one admin outvotes one user. */
export const ADMIN_FACTOR = 2;
/**
 * Estimation rounds. The first weighs every other voter at the prior (admins ×{@link ADMIN_FACTOR});
 * the next weighs them by the previous round, so a flooder's votes barely count in the consensus
 * honest voters are measured against. Two rounds settle that; more would only polish decimals.
 */
export const AGREEMENT_ROUNDS = 2;

/** How far training trusts one voter. */
export interface VoterTrust {
  /** (agreement + PRIOR_AGREE) / (overlapping + PRIOR_AGREE + PRIOR_DISAGREE), in (0, 1). */
  reliability: number;
  /** Phrases the voter voted on that some other voter voted on too. */
  overlapping: number;
  /** Sum over those phrases of the others' weighted share behind the voter's labels (0…overlapping). */
  agreement: number;
}

/**
 * Each voter's reliability from their agreement with the consensus of the *other* voters on the
 * same phrases (leave-one-out: agreeing with oneself earns nothing), smoothed by a Beta prior.
 * On a phrase, a voter's agreement is the mean, over their labels, of the share of the others'
 * weight behind that label (a voter spreading a unit of weight over their labels), so voting every
 * candidate earns little. Pure and deterministic; O(votes × rounds): per phrase, label totals are
 * summed once and each voter's own part subtracted.
 */
export function voterTrust(byPhrase: ReadonlyMap<string, readonly Ballot[]>): Map<string, VoterTrust> {
  let trust = new Map<string, VoterTrust>();
  for (let round = 0; round < AGREEMENT_ROUNDS; round++) trust = agreementRound(byPhrase, trust);
  return trust;
}

/** A ballot's weight: its voter's reliability (the prior when unknown), ×{@link ADMIN_FACTOR} for an admin's. */
export function ballotWeight(ballot: Ballot, trust: ReadonlyMap<string, VoterTrust>): number {
  return (trust.get(ballot.voter)?.reliability ?? PRIOR_RELIABILITY) * (ballot.admin ? ADMIN_FACTOR : 1);
}

function agreementRound(byPhrase: ReadonlyMap<string, readonly Ballot[]>, previous: ReadonlyMap<string, VoterTrust>): Map<string, VoterTrust> {
  const agreement = new Map<string, number>();
  const overlapping = new Map<string, number>();
  for (const ballots of byPhrase.values()) {
    for (const b of ballots) {
      if (!overlapping.has(b.voter)) {
        overlapping.set(b.voter, 0);
        agreement.set(b.voter, 0);
      }
    }
    if (ballots.length < 2) continue;
    const weights = ballots.map((b) => ballotWeight(b, previous));
    const mass = new Map<string, number>();
    let total = 0;
    ballots.forEach((b, i) => {
      const w = weights[i] ?? 0;
      total += w;
      for (const label of b.labels) mass.set(label, (mass.get(label) ?? 0) + w / b.labels.size);
    });
    ballots.forEach((b, i) => {
      const own = (weights[i] ?? 0) / b.labels.size;
      // Positive: every weight is, since the prior is.
      const others = total - (weights[i] ?? 0);
      let share = 0;
      for (const label of b.labels) share += ((mass.get(label) ?? 0) - own) / others;
      // Clamped against rounding in the subtraction.
      const agreed = Math.min(1, Math.max(0, share / b.labels.size));
      agreement.set(b.voter, (agreement.get(b.voter) ?? 0) + agreed);
      overlapping.set(b.voter, (overlapping.get(b.voter) ?? 0) + 1);
    });
  }
  const out = new Map<string, VoterTrust>();
  for (const [voter, n] of overlapping) {
    const agreed = agreement.get(voter) ?? 0;
    out.set(voter, { reliability: (agreed + PRIOR_AGREE) / (n + PRIOR_AGREE + PRIOR_DISAGREE), overlapping: n, agreement: agreed });
  }
  return out;
}
