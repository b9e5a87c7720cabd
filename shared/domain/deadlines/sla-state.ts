// What a case keeps about its clocks besides the deadlines themselves (CaseRecord.sla): a pause while
// waiting for the caller, which sweep steps were taken for which deadline, and the units whose
// "overdue now" board holds the case. Written only with version-conditional updates, together with the
// timeline event of the step, so each step happens once.
import type { SweepStage } from './deadline-kind.js';

/** The case's own clocks (support-answer deadlines live in deadline watch items, one per call for support). */
export const CASE_CLOCKS = ['accept', 'respond', 'resolve'] as const;
export type CaseClock = (typeof CASE_CLOCKS)[number];

export const CLOCK_DEADLINE_FIELD: Record<CaseClock, 'acceptBy' | 'respondBy' | 'resolveBy'> = {
  accept: 'acceptBy',
  respond: 'respondBy',
  resolve: 'resolveBy',
};

export interface CasePause {
  /** when the clocks stopped */
  since: string;
  /** why (e.g. 等待诉求人补充材料): shown on the timeline */
  reason: string;
  /** the staff member who paused (account id) */
  by: string;
}

/** A taken step: 'warning', 'overdue', or 'escalation:<n>' (the n-th move up). */
export type TakenStep = SweepStage | `escalation:${number}`;

/** The sweep steps taken for one deadline value; a moved deadline (extension, pause) starts afresh. */
export interface ClockProgress {
  dueAt: string;
  taken: TakenStep[];
}

export interface SlaState {
  pause?: CasePause;
  /** working time paused so far, in ms of the clock it stopped (for the record; the deadlines already moved) */
  pausedMs?: number;
  /** per clock of the case, and per support call key ('support-answer:<key>') */
  progress?: Record<string, ClockProgress>;
  /** per clock (progress key): the units whose overdue-now board the sweep put the case on for it */
  overdueBoards?: Record<string, string[]>;
}

export function progressFor(sla: SlaState | undefined, clockKey: string, dueAt: string): ClockProgress {
  const current = sla?.progress?.[clockKey];
  return current && current.dueAt === dueAt ? current : { dueAt, taken: [] };
}
