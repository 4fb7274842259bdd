import { encoderName } from '../../core/render/model-status.js';

/**
 * The promotion gate: a new model becomes active only if its pooled top-1 is not worse than the
 * active model's (on the same held-out data) by more than `margin`; `force` overrides.
 */
export function decideGate(candidate: number, active: number | null, margin: number, force: boolean): { promote: boolean; reason: string } {
  const f = (v: number) => v.toFixed(3);
  if (active === null) return { promote: true, reason: `first model (top-1 ${f(candidate)})` };
  if (candidate >= active - margin) {
    return { promote: true, reason: `top-1 ${f(candidate)} vs active ${f(active)} (margin ${margin})` };
  }
  if (force) return { promote: true, reason: `forced: top-1 ${f(candidate)} is below active ${f(active)} − ${margin}` };
  return { promote: false, reason: `top-1 ${f(candidate)} is worse than the active model's ${f(active)} by more than ${margin}` };
}

/**
 * What a new encoder's first model was compared with: the other encoder's active model, scored
 * with its own encoder on the same held-out phrases. Stored in the candidate's metrics.
 */
export interface RivalComparison {
  encoderId: string;
  modelId: number;
  gateTop1: number;
}

/**
 * The gate when the encoder changed: the new encoder's first model (`candidate`, already saved as
 * `candidateId`) against the other encoder's active model, by the same criterion as
 * {@link decideGate}. A rejected model leaves the other encoder's model answering.
 */
export function decideAgainstRival(
  candidate: { encoderId: string; modelId: number; gateTop1: number },
  rival: RivalComparison,
  margin: number,
  force: boolean,
): { promote: boolean; reason: string } {
  const f = (v: number) => v.toFixed(3);
  const mine = `${encoderName(candidate.encoderId)} model ${candidate.modelId}`;
  const theirs = `${encoderName(rival.encoderId)} model ${rival.modelId}`;
  const scores = `${f(candidate.gateTop1)} vs ${f(rival.gateTop1)} top-1 on the same held-out data`;
  if (candidate.gateTop1 >= rival.gateTop1 - margin) return { promote: true, reason: `promoted over ${theirs} (${scores}, margin ${margin})` };
  if (force) return { promote: true, reason: `forced over ${theirs}: ${mine} scored ${scores}` };
  return { promote: false, reason: `${mine} scored ${scores} as ${theirs} (worse by more than ${margin}); kept ${encoderName(rival.encoderId)}` };
}
