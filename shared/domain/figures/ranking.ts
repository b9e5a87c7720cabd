// The monthly ranking (月度排名) of the units of a level: a weighted score of their rates for the month.
//
// Weights (a local choice, documented in docs/architecture.md; they sum to 1):
//   satisfactionRate 0.35, resolutionRate 0.30, onTimeRate 0.20, responseRate 0.15
// What the caller experiences (satisfied, actually solved) weighs most; timeliness next. A rate a unit has no
// data for (null) is left out and the remaining weights are scaled up, so a unit with no follow-ups yet is
// ranked on its timeliness alone; a unit with no rate at all is not ranked. Ties: more cases received first,
// then by unit code.
import type { FigureSummary, RateName } from './rates.js';

export const RANKING_WEIGHTS: Readonly<Partial<Record<RateName, number>>> = {
  satisfactionRate: 0.35,
  resolutionRate: 0.3,
  onTimeRate: 0.2,
  responseRate: 0.15,
};

/** The score (0–100, two decimals), or null when the unit has none of the weighted rates. */
export function rankingScore(summary: FigureSummary): number | null {
  let weighted = 0;
  let weights = 0;
  for (const [rate, weight] of Object.entries(RANKING_WEIGHTS) as Array<[RateName, number]>) {
    const value = summary.rates[rate];
    if (value === null) continue;
    weighted += weight * value;
    weights += weight;
  }
  return weights === 0 ? null : Math.round((weighted / weights) * 10_000) / 100;
}

export interface Ranked<T> {
  rank: number | null;
  score: number | null;
  row: T;
}

/** Orders the rows by score (best first); unranked rows (no score) come last with rank null. Equal scores share a rank. */
export function rank<T extends { unitCode: string; summary: FigureSummary }>(rows: readonly T[]): Ranked<T>[] {
  const scored = rows.map((row) => ({ row, score: rankingScore(row.summary) }));
  scored.sort((a, b) => {
    if (a.score === null || b.score === null) return a.score === null ? (b.score === null ? a.row.unitCode.localeCompare(b.row.unitCode) : 1) : -1;
    return b.score - a.score || b.row.summary.counts.received - a.row.summary.counts.received || a.row.unitCode.localeCompare(b.row.unitCode);
  });
  let previous: number | null = null;
  let previousRank = 0;
  return scored.map(({ row, score }, i) => {
    if (score === null) return { rank: null, score, row };
    const rankNow = score === previous ? previousRank : i + 1;
    previous = score;
    previousRank = rankNow;
    return { rank: rankNow, score, row };
  });
}
