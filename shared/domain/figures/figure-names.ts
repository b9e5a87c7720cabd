// The daily counters kept per unit (责任单位) per Beijing day, and the duration histograms behind the median
// and 90th-percentile times. Each is an atomic counter on the unit-day item (unit-figures-store.ts); every
// rate is computed from them at query time (rates.ts), so nothing here depends on how many cases there are.
import { HISTOGRAM_BUCKETS_MINUTES } from './duration-histogram.js';

export const COUNTERS = [
  'received', // 接收: cases that arrived at the unit (or a unit below it)
  'accepted', // 签收
  'acceptedOnTime', // 按时签收: accepted by the accept deadline
  'responded', // 响应: first contact with the caller
  'respondedOnTime', // 按时响应
  'resolved', // 办结
  'resolvedOnTime', // 按时办结: resolved by the (possibly extended) resolve deadline
  'returned', // 退单
  'reopened', // 重办
  'followUps', // 回访
  'satisfied', // 满意
  'basicallySatisfied', // 基本满意
  'dissatisfied', // 不满意
  'solved', // 回访: the caller says the problem was actually solved (解决率)
  'becameOverdue', // 超期: a deadline passed with the work not done (counted once per deadline)
  'urged', // 催办 sent
  'escalated', // 升级 to the level above
  'supportCalls', // 呼: calls for support received (departments)
  'supportAnswered', // 应: calls for support answered
  'supportAnsweredOnTime', // 按时报到
  'extensionsApproved', // 延期 approved
] as const;
export type CounterName = (typeof COUNTERS)[number];

/** The times measured, in minutes from intake (受理). */
export const TIMED = ['accept', 'respond', 'resolve'] as const;
export type TimedStep = (typeof TIMED)[number];

/** Attribute name of one histogram bucket counter, e.g. `h_resolve_07`. */
export function bucketField(step: TimedStep, bucket: number): string {
  return `h_${step}_${String(bucket).padStart(2, '0')}`;
}

export const BUCKET_FIELDS: readonly string[] = TIMED.flatMap((step) => HISTOGRAM_BUCKETS_MINUTES.map((_, i) => bucketField(step, i)));

/** Every numeric field of a unit-day item. */
export const FIGURE_FIELDS: readonly string[] = [...COUNTERS, ...BUCKET_FIELDS];

export type FigureCounts = Partial<Record<string, number>>;

/** Adds b into a (in place) and returns a. */
export function addCounts(a: FigureCounts, b: FigureCounts): FigureCounts {
  for (const [field, value] of Object.entries(b)) if (value) a[field] = (a[field] ?? 0) + value;
  return a;
}
