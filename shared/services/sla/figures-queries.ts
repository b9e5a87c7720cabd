// The supervisors' questions, answered from the per-unit daily figures (never from the cases themselves,
// except the overdue list, which lists cases): a level's summary over a date range, one unit's daily series,
// the monthly ranking, and a unit's overdue cases.
import type { ReadStats, UnitDayFigures } from '../../adapters/dynamo/unit-figures-store.js';
import type { CaseRecord } from '../../domain/case-record.js';
import { runningClocks } from '../../domain/deadlines/sweep-plan.js';
import { DEADLINE_KIND_NAMES } from '../../domain/deadlines/deadline-kind.js';
import { addCounts, type FigureCounts } from '../../domain/figures/figure-names.js';
import type { FigureLevel } from '../../domain/figures/query-params.js';
import { monthRange } from '../../domain/figures/query-params.js';
import { rank, RANKING_WEIGHTS } from '../../domain/figures/ranking.js';
import { summarise, type FigureSummary } from '../../domain/figures/rates.js';
import type { WorkedCase } from '../../domain/work/case-work.js';
import type { Dependencies } from '../dependencies.js';
import type { UnitScope } from './supervisor-scope.js';

export type QueryDependencies = Pick<Dependencies, 'figures' | 'overdueBoards' | 'cases' | 'now'>;

export interface UnitRow {
  unitCode: string;
  unitName: string;
  level: string;
  overdueNow: number;
  summary: FigureSummary;
}

export interface LevelSummary {
  level: FigureLevel;
  from: string;
  to: string;
  units: UnitRow[];
  totals: FigureSummary & { overdueNow: number };
  /** items read to answer (figures + overdue boards): grows with units × days, not with cases */
  itemsRead: number;
}

function rowsByUnit(days: UnitDayFigures[]): Map<string, { unitName: string; level: string; counts: FigureCounts }> {
  const units = new Map<string, { unitName: string; level: string; counts: FigureCounts }>();
  for (const day of days) {
    const unit = units.get(day.unitCode) ?? { unitName: day.unitName, level: day.level, counts: {} };
    addCounts(unit.counts, day.counts);
    units.set(day.unitCode, unit);
  }
  return units;
}

/** Rows per unit of a level with the figures of the days from..to (and overdue now), inside the scope. */
export async function levelSummary(deps: QueryDependencies, level: FigureLevel, from: string, to: string, scope: UnitScope): Promise<LevelSummary> {
  const stats: ReadStats = { items: 0 };
  const [days, boards] = await Promise.all([deps.figures.forLevel(level, from, to, stats), deps.overdueBoards.forLevel(level, stats)]);
  const byUnit = rowsByUnit(days.filter((d) => scope(d.unitCode, d.level)));
  const overdue = new Map(boards.filter((b) => scope(b.unitCode, b.level)).map((b) => [b.unitCode, b]));
  for (const board of overdue.values()) if (!byUnit.has(board.unitCode) && board.caseIds.length > 0) byUnit.set(board.unitCode, { unitName: board.unitName, level: board.level, counts: {} });
  const total: FigureCounts = {};
  const units: UnitRow[] = [...byUnit.entries()]
    .map(([unitCode, u]) => {
      addCounts(total, u.counts);
      return { unitCode, unitName: u.unitName, level: u.level, overdueNow: overdue.get(unitCode)?.caseIds.length ?? 0, summary: summarise(u.counts) };
    })
    .sort((a, b) => a.unitCode.localeCompare(b.unitCode));
  return { level, from, to, units, totals: { ...summarise(total), overdueNow: units.reduce((n, u) => n + u.overdueNow, 0) }, itemsRead: stats.items };
}

export interface UnitSeries {
  unitCode: string;
  unitName: string | null;
  level: string | null;
  from: string;
  to: string;
  days: Array<{ date: string } & FigureSummary>;
  totals: FigureSummary;
  overdueNow: number;
}

/** One unit's figures day by day (days with nothing are left out), with totals. */
export async function unitSeries(deps: QueryDependencies, unitCode: string, from: string, to: string): Promise<UnitSeries> {
  const [days, board] = await Promise.all([deps.figures.forUnit(unitCode, from, to), deps.overdueBoards.forUnit(unitCode)]);
  const total: FigureCounts = {};
  for (const d of days) addCounts(total, d.counts);
  return {
    unitCode,
    unitName: days[0]?.unitName ?? board?.unitName ?? null,
    level: days[0]?.level ?? board?.level ?? null,
    from,
    to,
    days: days.map((d) => ({ date: d.date, ...summarise(d.counts) })),
    totals: summarise(total),
    overdueNow: board?.caseIds.length ?? 0,
  };
}

export interface RankingRow {
  rank: number | null;
  score: number | null;
  unitCode: string;
  unitName: string;
  received: number;
  rates: FigureSummary['rates'];
}

export async function monthlyRanking(deps: QueryDependencies, level: FigureLevel, month: string, scope: UnitScope): Promise<{ level: FigureLevel; month: string; weights: typeof RANKING_WEIGHTS; units: RankingRow[]; itemsRead: number }> {
  const { from, to } = monthRange(month);
  const summary = await levelSummary(deps, level, from, to, scope);
  const ranked = rank(summary.units);
  return {
    level,
    month,
    weights: RANKING_WEIGHTS,
    units: ranked.map(({ rank: r, score, row }) => ({ rank: r, score, unitCode: row.unitCode, unitName: row.unitName, received: row.summary.counts.received, rates: row.summary.rates })),
    itemsRead: summary.itemsRead,
  };
}

export interface OverdueCase {
  caseId: string;
  status: string;
  category: string[];
  requestType: string;
  urgency: string;
  owner: { code: string; name: string; level: string };
  /** the passed deadlines, most overdue first */
  overdue: Array<{ kind: string; name: string; dueAt: string; overdueMinutes: number }>;
  updatedAt: string;
}

/** The unit's cases past a deadline now (its overdue-now board, checked against each case), most overdue first. */
export async function overdueCases(deps: QueryDependencies, unitCode: string, limit = 200): Promise<{ unitCode: string; unitName: string | null; cases: OverdueCase[] }> {
  const board = await deps.overdueBoards.forUnit(unitCode);
  if (!board) return { unitCode, unitName: null, cases: [] };
  const now = deps.now();
  const records = await Promise.all(board.caseIds.slice(0, limit).map((id) => deps.cases.get(id)));
  const cases: OverdueCase[] = [];
  for (const record of records) {
    if (!record) continue;
    const overdue = runningClocks(record as WorkedCase)
      .filter((c) => Date.parse(c.dueAt) < now.getTime())
      .map((c) => ({ kind: c.kind, name: DEADLINE_KIND_NAMES[c.kind], dueAt: c.dueAt, overdueMinutes: Math.floor((now.getTime() - Date.parse(c.dueAt)) / 60_000) }))
      .sort((a, b) => b.overdueMinutes - a.overdueMinutes);
    if (overdue.length === 0) continue; // the board is behind the case by a moment: not overdue any more
    cases.push(view(record, overdue));
  }
  cases.sort((a, b) => b.overdue[0]!.overdueMinutes - a.overdue[0]!.overdueMinutes);
  return { unitCode, unitName: board.unitName, cases };
}

function view(record: CaseRecord, overdue: OverdueCase['overdue']): OverdueCase {
  return {
    caseId: record.caseId,
    status: record.status,
    category: record.classification.category.path,
    requestType: record.classification.requestType,
    urgency: record.classification.urgency,
    owner: record.owner,
    overdue,
    updatedAt: record.updatedAt,
  };
}
