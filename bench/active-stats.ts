/** Summaries over seeds for `bench:active`: mean, sample standard deviation and range. */

/** A metric over seeds. */
export interface Spread {
  mean: number;
  sd: number;
  min: number;
  max: number;
  n: number;
}

const round4 = (v: number) => Math.round(v * 10_000) / 10_000;

/** Mean, sample standard deviation (0 for one value) and range of `values`, rounded to 4 places. */
export function spread(values: readonly number[]): Spread {
  const n = values.length;
  if (n === 0) return { mean: 0, sd: 0, min: 0, max: 0, n: 0 };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? values.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1) : 0;
  return { mean: round4(mean), sd: round4(Math.sqrt(variance)), min: round4(Math.min(...values)), max: round4(Math.max(...values)), n };
}

/** Per-seed differences `a[i] - b[i]` (paired: the same split and held-out phrases). */
export function paired(a: readonly number[], b: readonly number[]): number[] {
  return a.map((v, i) => v - (b[i] ?? 0));
}
