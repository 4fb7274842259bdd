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
