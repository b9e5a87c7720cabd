// The figures a supervisor asks of a classifier, computed from predictions on labelled examples.
import type { Classification } from '../../case.js';
import { CATEGORIES, findCategory } from '../categories.js';
import { resolveRoute } from '../route-for-category.js';
import type { LabelledExample } from './labelled-set.js';

export interface Prediction {
  example: LabelledExample;
  predicted: Classification;
}

export interface CategoryFigures {
  code: string;
  name: string;
  support: number;
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface EvalReport {
  examples: number;
  categoryAccuracy: number;
  macroF1: number;
  perCategory: CategoryFigures[];
  topLevelAccuracy: number;
  departmentAccuracy: number;
  routeAccuracy: number;
  requestTypeAccuracy: number;
  urgent: { support: number; caught: number; recall: number; flagged: number; precision: number; missed: LabelledExample[] };
  triage: { count: number; rate: number; dispatched: number; dispatchedDepartmentAccuracy: number };
  confusions: { expected: string; predicted: string; count: number }[];
  departmentConfusions: { expected: string; predicted: string; count: number }[];
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function evaluate(predictions: readonly Prediction[]): EvalReport {
  const support = new Map<string, number>();
  const predictedCount = new Map<string, number>();
  const correct = new Map<string, number>();
  const confusions = new Map<string, number>();
  const departmentConfusions = new Map<string, number>();
  let categoryHits = 0;
  let topHits = 0;
  let departmentHits = 0;
  let routeHits = 0;
  let typeHits = 0;
  let urgentSupport = 0;
  let urgentCaught = 0;
  let urgentFlagged = 0;
  let triage = 0;
  let dispatchedHits = 0;
  const missed: LabelledExample[] = [];

  for (const { example: e, predicted: p } of predictions) {
    const expected = findCategory(e.category)!;
    const got = findCategory(p.category.code)!;
    support.set(e.category, (support.get(e.category) ?? 0) + 1);
    predictedCount.set(p.category.code, (predictedCount.get(p.category.code) ?? 0) + 1);
    if (e.category === p.category.code) {
      categoryHits++;
      correct.set(e.category, (correct.get(e.category) ?? 0) + 1);
    } else {
      const key = `${expected.path.join('/')} → ${got.path.join('/')}`;
      confusions.set(key, (confusions.get(key) ?? 0) + 1);
    }
    if (expected.path[0] === got.path[0]) topHits++;
    const departmentRight = expected.department === p.department.code;
    if (departmentRight) departmentHits++;
    else {
      const key = `${expected.department} → ${p.department.code}`;
      departmentConfusions.set(key, (departmentConfusions.get(key) ?? 0) + 1);
    }
    if (resolveRoute(expected, e.channel, e.requestType) === p.routeTo) routeHits++;
    if (e.requestType === p.requestType) typeHits++;
    if (e.urgency === 'urgent') {
      urgentSupport++;
      if (p.urgency === 'urgent') urgentCaught++;
      else missed.push(e);
    }
    if (p.urgency === 'urgent') urgentFlagged++;
    if (p.manualTriage) triage++;
    else if (departmentRight) dispatchedHits++;
  }

  const perCategory: CategoryFigures[] = CATEGORIES.map((c) => {
    const s = support.get(c.code) ?? 0;
    const pr = predictedCount.get(c.code) ?? 0;
    const tp = correct.get(c.code) ?? 0;
    const precision = ratio(tp, pr);
    const recall = ratio(tp, s);
    return { code: c.code, name: c.path.join('/'), support: s, predicted: pr, precision, recall, f1: ratio(2 * precision * recall, precision + recall) };
  });
  const present = perCategory.filter((c) => c.support > 0);
  const n = predictions.length;
  const dispatched = n - triage;
  const top = (m: Map<string, number>) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 10)
      .map(([k, count]) => {
        const [expected, predicted] = k.split(' → ') as [string, string];
        return { expected, predicted, count };
      });
  return {
    examples: n,
    categoryAccuracy: ratio(categoryHits, n),
    macroF1: ratio(present.reduce((s, c) => s + c.f1, 0), present.length),
    perCategory,
    topLevelAccuracy: ratio(topHits, n),
    departmentAccuracy: ratio(departmentHits, n),
    routeAccuracy: ratio(routeHits, n),
    requestTypeAccuracy: ratio(typeHits, n),
    urgent: {
      support: urgentSupport,
      caught: urgentCaught,
      recall: ratio(urgentCaught, urgentSupport),
      flagged: urgentFlagged,
      precision: ratio(urgentCaught, urgentFlagged),
      missed,
    },
    triage: { count: triage, rate: ratio(triage, n), dispatched, dispatchedDepartmentAccuracy: ratio(dispatchedHits, dispatched) },
    confusions: top(confusions),
    departmentConfusions: top(departmentConfusions),
  };
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

/**
 * The report as text. `summary: true` prints only the totals: no per-category table, no confusion pairs and no
 * missed examples (for the held-out split, whose rows must not steer the next change).
 */
export function formatReport(title: string, r: EvalReport, options: { perCategory?: boolean; summary?: boolean } = {}): string {
  const lines: string[] = [`== ${title} (${r.examples} requests) ==`];
  const summary = options.summary ?? false;
  if (!summary && (options.perCategory ?? true)) {
    const width = (s: string) => [...s].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);
    const pad = (s: string, n: number) => s + ' '.repeat(Math.max(0, n - width(s)));
    lines.push(`${pad('category', 36)} support  precision  recall    F1`);
    for (const c of r.perCategory) {
      if (c.support === 0 && c.predicted === 0) continue;
      lines.push(`${pad(c.name, 36)} ${String(c.support).padStart(7)}  ${pct(c.precision).padStart(9)}  ${pct(c.recall).padStart(6)}  ${c.f1.toFixed(2)}`);
    }
  }
  lines.push(
    `category accuracy      ${pct(r.categoryAccuracy)}   macro-F1 ${r.macroF1.toFixed(3)}   top-level accuracy ${pct(r.topLevelAccuracy)}`,
    `department accuracy    ${pct(r.departmentAccuracy)}   route (grid/department) accuracy ${pct(r.routeAccuracy)}`,
    `request type accuracy  ${pct(r.requestTypeAccuracy)}`,
    `urgent recall          ${pct(r.urgent.recall)} (${r.urgent.caught}/${r.urgent.support})   urgent precision ${pct(r.urgent.precision)} (${r.urgent.caught}/${r.urgent.flagged})`,
    `triage rate            ${pct(r.triage.rate)} (${r.triage.count})   department accuracy of the ${r.triage.dispatched} dispatched automatically: ${pct(r.triage.dispatchedDepartmentAccuracy)}`,
  );
  if (summary) return lines.join('\n');
  if (r.confusions.length) {
    lines.push('top category confusions (expected → predicted):');
    for (const c of r.confusions) lines.push(`  ${c.count} × ${c.expected} → ${c.predicted}`);
  }
  if (r.departmentConfusions.length) {
    lines.push('top department confusions:');
    for (const c of r.departmentConfusions) lines.push(`  ${c.count} × ${c.expected} → ${c.predicted}`);
  }
  if (r.urgent.missed.length) {
    lines.push('urgent requests marked normal:');
    for (const e of r.urgent.missed) lines.push(`  ${e.source}: ${e.text}`);
  }
  return lines.join('\n');
}
