/** An axis: its range (widened to round values) and the tick values inside it. */
export interface NiceScale {
  min: number;
  max: number;
  step: number;
  ticks: number[];
  /** Decimals that show every tick exactly (0 for a step of 5, 2 for 0.05). */
  decimals: number;
}

/**
 * Round tick values covering `[min, max]`: steps of 1, 2, 2.5 or 5 times a power of ten, about
 * `target` of them. An empty range (`min === max`) is widened around the value, so a chart of a
 * single point still has an axis. `integer` keeps steps whole (no 0.5 between versions 3 and 4).
 */
export function niceScale(min: number, max: number, target = 5, integer = false): NiceScale {
  let lo = min;
  let hi = max;
  if (!(hi > lo)) {
    const pad = integer ? 1 : Math.abs(lo) * 0.1 || 1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / Math.max(1, target);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / magnitude;
  const factors = integer ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  let step = (factors.find((f) => norm <= f) ?? 10) * magnitude;
  if (integer) step = Math.max(1, Math.round(step));
  // The epsilon keeps 0.3 / 0.1 (= 2.9999…) from adding a whole step.
  const first = Math.floor(lo / step + 1e-9) * step;
  const last = Math.ceil(hi / step - 1e-9) * step;
  const decimals = decimalsOf(step);
  const ticks: number[] = [];
  for (let i = 0; first + i * step <= last + step / 2; i++) ticks.push(round(first + i * step, decimals));
  return { min: round(first, decimals), max: round(last, decimals), step, ticks, decimals };
}

/** Decimals of a step such as 0.025 (3) or 50 (0). */
function decimalsOf(step: number): number {
  const text = String(Number(step.toPrecision(10)));
  const exp = /e-(\d+)$/.exec(text);
  if (exp) return Number(exp[1]);
  return text.split('.')[1]?.length ?? 0;
}

function round(v: number, decimals: number): number {
  return Number(v.toFixed(Math.min(20, decimals)));
}
