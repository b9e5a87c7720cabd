// The figures domain: histogram quantiles, rates from counters, the ranking's weights and order, query params.
import { describe, expect, it } from 'vitest';
import { bucketOf, HISTOGRAM_BUCKETS_MINUTES, quantileMinutes } from '../../../shared/domain/figures/duration-histogram.js';
import { bucketField } from '../../../shared/domain/figures/figure-names.js';
import { datesBetween, monthRange, summaryQuerySchema, withDefaultRange } from '../../../shared/domain/figures/query-params.js';
import { rank, rankingScore } from '../../../shared/domain/figures/ranking.js';
import { summarise } from '../../../shared/domain/figures/rates.js';

describe('the duration histogram', () => {
  it('files durations by bucket', () => {
    expect(bucketOf(0)).toBe(0);
    expect(bucketOf(14.9)).toBe(0);
    expect(bucketOf(15)).toBe(1);
    expect(bucketOf(1_440)).toBe(8);
    expect(bucketOf(1e9)).toBe(HISTOGRAM_BUCKETS_MINUTES.length - 1);
  });

  it('estimates the median and the 90th percentile within a bucket', () => {
    const counts = HISTOGRAM_BUCKETS_MINUTES.map(() => 0);
    counts[3] = 10; // 10 durations in [60, 120)
    expect(quantileMinutes(counts, 0.5)).toBe(90);
    expect(quantileMinutes(counts, 0.9)).toBe(114);
    counts[8] = 90; // 90 more in [1440, 2880): the median moves there
    expect(quantileMinutes(counts, 0.5)).toBe(1_440 + Math.round((40 / 90) * 1_440));
    expect(quantileMinutes(HISTOGRAM_BUCKETS_MINUTES.map(() => 0), 0.5)).toBeNull();
  });
});

describe('rates', () => {
  it('divides the counters and leaves a rate with no denominator null', () => {
    const s = summarise({ accepted: 10, acceptedOnTime: 9, responded: 8, respondedOnTime: 6, resolved: 4, resolvedOnTime: 3, followUps: 5, satisfied: 3, basicallySatisfied: 1, dissatisfied: 1, solved: 4 });
    expect(s.rates).toEqual({ acceptOnTimeRate: 0.9, responseRate: 0.75, onTimeRate: 0.75, resolutionRate: 0.8, satisfactionRate: 0.76 });
    expect(summarise({ received: 3 }).rates.onTimeRate).toBeNull();
  });

  it('gives times from the merged buckets', () => {
    const s = summarise({ [bucketField('resolve', 9)]: 2 }); // two resolutions in [2880, 4320)
    expect(s.times.resolveMedianMinutes).toBe(3_600);
    expect(s.times.acceptMedianMinutes).toBeNull();
  });
});

describe('the monthly ranking', () => {
  const row = (unitCode: string, counts: Record<string, number>) => ({ unitCode, summary: summarise(counts) });

  it('weights satisfaction 0.35, resolution 0.30, on-time 0.20, response 0.15', () => {
    const perfect = { responded: 1, respondedOnTime: 1, resolved: 1, resolvedOnTime: 1, followUps: 1, satisfied: 1, solved: 1 };
    expect(rankingScore(summarise(perfect))).toBe(100);
    expect(rankingScore(summarise({ ...perfect, solved: 0 }))).toBe(70);
  });

  it('ranks on the rates a unit has, shares equal ranks and leaves units without rates unranked', () => {
    const ranked = rank([
      row('b', { resolved: 2, resolvedOnTime: 1 }), // on-time only: 50
      row('a', { resolved: 4, resolvedOnTime: 4, received: 4 }), // 100
      row('c', { resolved: 2, resolvedOnTime: 1 }), // 50
      row('d', { received: 7 }), // nothing to rank on
    ]);
    expect(ranked.map((r) => [r.row.unitCode, r.rank, r.score])).toEqual([
      ['a', 1, 100],
      ['b', 2, 50],
      ['c', 2, 50],
      ['d', null, null],
    ]);
  });
});

describe('query parameters', () => {
  it('checks level and dates', () => {
    expect(summaryQuerySchema.safeParse({ level: 'street', from: '2026-11-01', to: '2026-11-30' }).success).toBe(true);
    const bad = summaryQuerySchema.safeParse({ level: 'city', from: '2026-02-30', to: '2026-11-30' });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['from', 'level']);
    expect(summaryQuerySchema.safeParse({ level: 'street', from: '2026-12-01', to: '2026-11-30' }).success).toBe(false);
    expect(summaryQuerySchema.safeParse({ level: 'street', from: '2024-01-01', to: '2026-11-30' }).success).toBe(false);
  });

  it('fills the last 30 days when no range is given, and knows month lengths', () => {
    expect(withDefaultRange({ level: 'street' }, '2026-11-23')).toEqual({ level: 'street', from: '2026-10-25', to: '2026-11-23' });
    expect(withDefaultRange({ level: 'street', from: '2026-11-01' }, '2026-11-23')).toEqual({ level: 'street', from: '2026-11-01' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(datesBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
  });
});
