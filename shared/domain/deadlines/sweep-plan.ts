// What the overdue sweep must do for a case, and when it must look next: pure, from the case alone, so two
// sweepers looking at the same case decide the same thing and the version-conditional write lets one win.
//
// For each running clock (accept while the unit has not accepted; respond until the first contact; resolve
// until resolved), with d its deadline:
//   warning     at d − warnBeforeMinutes     urge (临期催办); skipped if the sweep first looks after d
//   overdue     at d                         urge (超期催办); the case goes on the overdue-now boards
//   escalation  at d + k × escalateAfter     the case moves one level up (grid → street → district,
//                                            community → street, department → district), k = 1, 2, …
// A paused case (waiting for the caller) runs no clock. A support-answer deadline (one per call for support)
// runs the same steps, but its escalation tells the district and moves nothing.
import type { CaseRecord } from '../case-record.js';
import type { CaseWork } from '../work/case-work.js';
import type { UnitLevel, UnitRef } from '../case.js';
import { addDuration } from './compute-deadlines.js';
import type { DeadlineKind, SweepStage } from './deadline-kind.js';
import { DEFAULT_POLICY, sweepRuleFor, type DeadlinePolicy } from './policy.js';
import { CLOCK_DEADLINE_FIELD, progressFor, type CaseClock, type TakenStep } from './sla-state.js';

export type SweptCase = Pick<CaseRecord, 'status' | 'deadlines' | 'owner' | 'classification' | 'sla'> & Partial<Pick<CaseWork, 'contactedAt' | 'supportCalls'>>;

export interface RunningClock {
  kind: DeadlineKind;
  /** the unit the deadline is on, when it is not the case's owner (a department called for support) */
  unit?: UnitRef & { level: UnitLevel };
  /** key in SlaState.progress: the clock, or 'support-answer:<key>' */
  progressKey: string;
  dueAt: string;
}

export interface SweepStep {
  clock: RunningClock;
  stage: SweepStage;
  /** 'warning' | 'overdue' | 'escalation:<n>' */
  step: TakenStep;
  /** when the step is due */
  at: string;
}

/** The level a case moves to when it is escalated from `level`, or null at the top. */
export function escalationTarget(level: UnitLevel): 'street' | 'district' | null {
  switch (level) {
    case 'grid':
    case 'community':
      return 'street';
    case 'street':
    case 'department':
      return 'district';
    case 'district':
      return null;
  }
}

/** The case's own clocks that run now. */
export function runningClocks(record: SweptCase): RunningClock[] {
  if (record.sla?.pause) return [];
  const clock = (kind: CaseClock): RunningClock => ({ kind, progressKey: kind, dueAt: record.deadlines[CLOCK_DEADLINE_FIELD[kind]] });
  switch (record.status) {
    case 'assigned':
    case 'dispatched_to_department':
      return [clock('accept')];
    case 'accepted': {
      const own = record.contactedAt ? [clock('resolve')] : [clock('respond'), clock('resolve')];
      return [...own, ...supportClocks(record)];
    }
    default:
      return [];
  }
}

/** One clock per open call for support (呼): the department's answer (报到) deadline. */
export function supportClocks(record: SweptCase): RunningClock[] {
  return Object.entries(record.supportCalls ?? {})
    .filter(([, call]) => call.status === 'open')
    .map(([code, call]) => ({ kind: 'support-answer' as const, progressKey: `support-answer:${code}`, dueAt: call.answerBy, unit: { ...call.department, level: 'department' as const } }));
}

/** Whether any running clock of the case has passed its deadline at `at`. */
export function isOverdue(record: SweptCase, at: string): boolean {
  const t = Date.parse(at);
  return runningClocks(record).some((c) => Date.parse(c.dueAt) < t);
}

/** The next step not yet taken for one clock (escalations stop once the case is with the district). */
export function nextStepOf(record: SweptCase, clock: RunningClock, policy: DeadlinePolicy = DEFAULT_POLICY, ownerLevel: UnitLevel = record.owner.level): SweepStep | null {
  const rule = sweepRuleFor(policy, record.classification.urgency);
  const taken = progressFor(record.sla, clock.progressKey, clock.dueAt).taken;
  const due = new Date(clock.dueAt);
  if (!taken.includes('warning') && !taken.includes('overdue')) {
    const warnAt = new Date(due.getTime() - rule.warnBeforeMinutes[clock.kind] * 60_000);
    return { clock, stage: 'warning', step: 'warning', at: warnAt.toISOString() };
  }
  if (!taken.includes('overdue')) return { clock, stage: 'overdue', step: 'overdue', at: clock.dueAt };
  const escalations = taken.filter((t) => t.startsWith('escalation:')).length;
  // a support call's escalation informs the district once; a case clock's moves the case up while it can
  if (clock.kind === 'support-answer' ? escalations >= 1 : escalationTarget(ownerLevel) === null) return null;
  let at = due;
  for (let k = 0; k <= escalations; k++) at = addDuration(at, rule.escalateAfter);
  return { clock, stage: 'escalation', step: `escalation:${escalations + 1}`, at: at.toISOString() };
}

/**
 * The step to take now for a clock: the furthest one due (a warning is pointless once the deadline passed,
 * so a late first look goes straight to 'overdue'), or null if nothing is due yet.
 */
export function dueStepOf(record: SweptCase, clock: RunningClock, now: string, policy: DeadlinePolicy = DEFAULT_POLICY): SweepStep | null {
  const step = nextStepOf(record, clock, policy);
  if (!step || step.at > now) return null;
  if (step.stage === 'warning' && clock.dueAt <= now) return { clock, stage: 'overdue', step: 'overdue', at: clock.dueAt };
  return step;
}

/** When the sweep must look at the case next (its earliest pending step), or null if no clock runs. */
export function nextLookAt(record: SweptCase, policy: DeadlinePolicy = DEFAULT_POLICY): string | null {
  let earliest: string | null = null;
  for (const clock of runningClocks(record)) {
    const step = nextStepOf(record, clock, policy);
    if (step && (earliest === null || step.at < earliest)) earliest = step.at;
  }
  return earliest;
}

/** The nearest deadline of the running clocks (a unit's work list is sorted by it), or null. */
export function nextDeadline(record: SweptCase): string | null {
  const dues = runningClocks(record).map((c) => c.dueAt).sort();
  return dues[0] ?? null;
}
