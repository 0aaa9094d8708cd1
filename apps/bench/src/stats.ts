/**
 * The median of the values (mean of the middle two for an even count); NaN for none.
 * @example median([3, 1, 2]) // 2
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? Number.NaN) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * The p-th percentile (0–100) of already sorted values, linearly interpolated between the closest
 * ranks; NaN for none.
 * @example percentileOfSorted([10, 20, 30, 40], 50) // 25
 */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0] ?? Number.NaN;
  if (p >= 100) return sorted[sorted.length - 1] ?? Number.NaN;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const a = sorted[low] ?? Number.NaN;
  const b = sorted[Math.min(low + 1, sorted.length - 1)] ?? Number.NaN;
  return a + (b - a) * (rank - low);
}

/**
 * `ours / baseline`, or NaN when either is missing or the baseline is zero.
 * @example ratio(850, 1000) // 0.85
 */
export function ratio(ours: number | undefined, baseline: number | undefined): number {
  if (ours === undefined || baseline === undefined || !Number.isFinite(ours) || !Number.isFinite(baseline) || baseline === 0) {
    return Number.NaN;
  }
  return ours / baseline;
}

/**
 * Rounds to `digits` significant decimals for reports (NaN stays NaN).
 * @example round(1.23456, 2) // 1.23
 */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
