// A fixed-bucket histogram of durations (minutes). Each unit-day keeps one counter per bucket, so the
// histograms of any set of units and days merge by adding counters, and the median and 90th percentile come
// out of the merged buckets at query time. The answer is an estimate: linear inside the bucket it falls in,
// so its error is at most that bucket's width (the buckets are finer where most cases fall: hours, then days).

/** Upper bounds (exclusive) in minutes; the last bucket is open-ended. */
export const HISTOGRAM_BUCKETS_MINUTES: readonly number[] = [
  15, 30, 60, 120, 240, 480, 720, 1_440, 2_880, 4_320, 7_200, 10_080, 14_400, 21_600, 30_240, 43_200, Number.POSITIVE_INFINITY,
];

/** Index of the bucket a duration falls in. */
export function bucketOf(minutes: number): number {
  const m = Math.max(0, minutes);
  const index = HISTOGRAM_BUCKETS_MINUTES.findIndex((upper) => m < upper);
  return index === -1 ? HISTOGRAM_BUCKETS_MINUTES.length - 1 : index;
}

/**
 * The q-quantile (0 < q ≤ 1) of the durations counted in `counts` (one count per bucket), or null if
 * there are none. Interpolates linearly inside the bucket; the open last bucket answers its lower bound.
 */
export function quantileMinutes(counts: readonly number[], q: number): number | null {
  if (!(q > 0 && q <= 1)) throw new Error(`quantile must be in (0, 1], got ${q}`);
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < HISTOGRAM_BUCKETS_MINUTES.length; i++) {
    const count = counts[i] ?? 0;
    if (count > 0 && seen + count >= rank) {
      const lower = i === 0 ? 0 : HISTOGRAM_BUCKETS_MINUTES[i - 1]!;
      const upper = HISTOGRAM_BUCKETS_MINUTES[i]!;
      if (!Number.isFinite(upper)) return lower;
      return Math.round(lower + ((rank - seen) / count) * (upper - lower));
    }
    seen += count;
  }
  return HISTOGRAM_BUCKETS_MINUTES.at(-2)!;
}
