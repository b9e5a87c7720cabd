// Which units' overdue-now boards a case must be on, from the case alone: the units the sweep recorded for
// each clock it found overdue (SlaState.overdueBoards), kept only while that clock is still running and past
// due. Marking and clearing board entries are idempotent, so applying this after any event (and again after a
// race) converges on the right boards.
import { runningClocks, type SweptCase } from './sweep-plan.js';

export interface BoardChange {
  /** unit codes that must no longer show the case */
  clear: string[];
  /** unit codes that must still show it */
  keep: string[];
}

export function boardChange(record: SweptCase, at: string): BoardChange {
  const boards = record.sla?.overdueBoards ?? {};
  const t = Date.parse(at);
  const overdueKeys = new Set(runningClocks(record).filter((c) => Date.parse(c.dueAt) < t).map((c) => c.progressKey));
  const keep = new Set<string>();
  const all = new Set<string>();
  for (const [key, units] of Object.entries(boards)) {
    for (const u of units) {
      all.add(u);
      if (overdueKeys.has(key)) keep.add(u);
    }
  }
  return { clear: [...all].filter((u) => !keep.has(u)), keep: [...keep] };
}
