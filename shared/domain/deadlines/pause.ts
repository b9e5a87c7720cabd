// Pausing a case's clocks while the unit waits for the caller (等待诉求人: documents, a site visit the caller
// must attend, a call back). On resume every clock that was running moves later by the time paused, measured
// the way that clock runs:
//   calendar-hours  the paused wall-clock time
//   working-hours   the paused office time (08:30–12:00, 14:00–17:30 on working days)
//   working-days    the paused office time in whole working days (7 office hours = 1 day, rounded to the
//                   nearest day: a pause of an afternoon moves nothing, a pause of two days moves two)
// A pause at night or over a holiday therefore moves working clocks by nothing.
import type { Deadlines } from '../case.js';
import { addCalendarHours, addWorkingDays, addWorkingHours, officeMsBetween, OFFICE_MS_PER_DAY } from './calendar.js';
import { ruleOfCase } from './compute-deadlines.js';
import { DEFAULT_POLICY, type DeadlinePolicy, type Duration } from './policy.js';
import { CASE_CLOCKS, CLOCK_DEADLINE_FIELD } from './sla-state.js';
import { runningClocks, type SweptCase } from './sweep-plan.js';
import type { CaseRecord } from '../case-record.js';

const HOUR_MS = 3_600_000;

/** A deadline moved later by a pause from `since` to `until`, in the way its clock runs. */
export function shiftByPause(dueAt: string, unit: Duration['unit'], since: Date, until: Date): string {
  const due = new Date(dueAt);
  switch (unit) {
    case 'calendar-hours':
      return addCalendarHours(due, Math.max(0, until.getTime() - since.getTime()) / HOUR_MS).toISOString();
    case 'working-hours': {
      const office = officeMsBetween(since, until);
      return office === 0 ? dueAt : addWorkingHours(due, office / HOUR_MS).toISOString();
    }
    case 'working-days': {
      const days = Math.round(officeMsBetween(since, until) / OFFICE_MS_PER_DAY);
      return days === 0 ? dueAt : addWorkingDays(due, days).toISOString();
    }
  }
}

export interface PauseShift {
  deadlines: Deadlines;
  /** how far the longest-moving clock moved, in ms of wall-clock time (for the timeline) */
  movedMs: number;
}

type Paused = SweptCase & Pick<CaseRecord, 'jurisdiction'>;

/** The case's deadlines after a pause from `since` to `until`: the clocks that were running move. */
export function deadlinesAfterPause(record: Paused, since: Date, until: Date, policy: DeadlinePolicy = DEFAULT_POLICY): PauseShift {
  const rule = ruleOfCase(record, policy);
  // the clocks that ran before the pause (the record is still marked paused: look at it unpaused)
  const running = new Set(runningClocks({ ...record, sla: { ...record.sla, pause: undefined } }).map((c) => c.kind));
  const deadlines: Deadlines = { ...record.deadlines };
  let movedMs = 0;
  for (const clock of CASE_CLOCKS) {
    if (!running.has(clock)) continue;
    const field = CLOCK_DEADLINE_FIELD[clock];
    deadlines[field] = shiftByPause(record.deadlines[field], rule[clock].unit, since, until);
    movedMs = Math.max(movedMs, Date.parse(deadlines[field]) - Date.parse(record.deadlines[field]));
  }
  return { deadlines, movedMs };
}
