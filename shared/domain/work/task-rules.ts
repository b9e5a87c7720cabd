// Which status each task action needs, and which deadline a unit works to at each step. Pure rules; the
// services check them before any write, and the conditional write checks the status again.
import type { CaseStatus } from '../case-status.js';
import type { Deadlines } from '../case.js';

export const TASK_ACTIONS = ['accept', 'contact', 'notes', 'resolve', 'return', 'extension', 'support-calls'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** The statuses an action may be taken in (return: every status the state machine lets go to 'returned'). */
export const ACTION_STATUSES: Record<TaskAction, readonly CaseStatus[]> = {
  accept: ['assigned', 'dispatched_to_department'],
  contact: ['accepted'],
  notes: ['accepted'],
  resolve: ['accepted'],
  return: ['assigned', 'dispatched_to_department', 'accepted', 'triage_street'],
  extension: ['accepted'],
  'support-calls': ['accepted'],
};

export function isTaskAction(value: string): value is TaskAction {
  return (TASK_ACTIONS as readonly string[]).includes(value);
}

/** Statuses in which the owner has work to do: what GET /tasks lists. */
export const WORKING_STATUSES: readonly CaseStatus[] = ['assigned', 'dispatched_to_department', 'accepted', 'triage_street', 'triage_district', 'disputed'];

/** Statuses in which a case is on no unit's work list (waiting for routing, a follow-up, or finished). */
export const OFF_WORK_LIST: readonly CaseStatus[] = ['returned', 'resolved', 'closed', 'merged'];

/** Statuses after which no sweep need look at the case again. */
export const FINISHED: readonly CaseStatus[] = ['closed', 'merged'];

/**
 * The deadline the owner works to now, which orders its work list: accept (签收) until accepted, then respond
 * (响应: contact the caller) until contacted, then resolve (办结).
 */
export function workDeadline(status: CaseStatus, deadlines: Deadlines, contacted: boolean): string {
  if (status !== 'accepted') return deadlines.acceptBy;
  return contacted ? deadlines.resolveBy : deadlines.respondBy;
}
