// The supervisors' figures (接诉即办) from summed daily counters: the rates, and the median and 90th
// percentile times from the merged histograms. A rate with nothing to divide by is null ("no data"), never 0.
//
//   acceptOnTimeRate  按时签收率  acceptedOnTime ÷ accepted
//   responseRate      响应率      respondedOnTime ÷ responded   (first contacts made within the respond deadline)
//   onTimeRate        按时办结率  resolvedOnTime ÷ resolved
//   resolutionRate    解决率      solved ÷ followUps            (the caller says it was actually solved)
//   satisfactionRate  满意率      (satisfied + BASIC_SATISFACTION_WEIGHT × basicallySatisfied) ÷ followUps
// Cases not yet accepted / contacted / resolved are not in these denominators until they are: they show in
// "overdue now" (超期在办) meanwhile.
import { HISTOGRAM_BUCKETS_MINUTES, quantileMinutes } from './duration-histogram.js';
import { bucketField, COUNTERS, TIMED, type CounterName, type FigureCounts, type TimedStep } from './figure-names.js';

/** How much a 基本满意 counts in the satisfaction rate (a 满意 counts 1). */
export const BASIC_SATISFACTION_WEIGHT = 0.8;

export const RATE_NAMES = ['acceptOnTimeRate', 'responseRate', 'onTimeRate', 'resolutionRate', 'satisfactionRate'] as const;
export type RateName = (typeof RATE_NAMES)[number];

export type Rates = Record<RateName, number | null>;
export type Times = Record<`${TimedStep}${'Median' | 'P90'}Minutes`, number | null>;

export interface FigureSummary {
  counts: Record<CounterName, number>;
  rates: Rates;
  times: Times;
}

const ratio = (num: number, den: number): number | null => (den > 0 ? Math.round((num / den) * 10_000) / 10_000 : null);

export function summarise(counts: FigureCounts): FigureSummary {
  const c = Object.fromEntries(COUNTERS.map((name) => [name, counts[name] ?? 0])) as Record<CounterName, number>;
  const rates: Rates = {
    acceptOnTimeRate: ratio(c.acceptedOnTime, c.accepted),
    responseRate: ratio(c.respondedOnTime, c.responded),
    onTimeRate: ratio(c.resolvedOnTime, c.resolved),
    resolutionRate: ratio(c.solved, c.followUps),
    satisfactionRate: ratio(c.satisfied + BASIC_SATISFACTION_WEIGHT * c.basicallySatisfied, c.followUps),
  };
  const times = {} as Times;
  for (const step of TIMED) {
    const buckets = HISTOGRAM_BUCKETS_MINUTES.map((_, i) => counts[bucketField(step, i)] ?? 0);
    times[`${step}MedianMinutes`] = quantileMinutes(buckets, 0.5);
    times[`${step}P90Minutes`] = quantileMinutes(buckets, 0.9);
  }
  return { counts: c, rates, times };
}
