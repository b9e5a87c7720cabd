// When the system must look at a case again without being asked, and why.
//
// A case in transit (its next hop's message is on a queue) should move within seconds. If it has not
// moved after `stallAfterMs`, the message may be lost (a crash between a state change and its send, or a
// send that failed after intake answered): the stall sweep sends it again, backing off 1×, 2×, 4× … and
// after MAX_RESENDS gives up and marks the case stuck for an operator. A case waiting on a unit is watched
// by its next deadline instead (the overdue sweep of the deadlines work reads those).
import type { CaseStatus } from './case-status.js';
import type { Deadlines } from './case.js';

export const IN_TRANSIT: readonly CaseStatus[] = ['received', 'dispatched_to_street', 'dispatched_to_grid'];
export const DEFAULT_STALL_AFTER_MS = 5 * 60_000;
export const MAX_RESENDS = 5;

export type Watch = { kind: 'transit'; at: string } | { kind: 'deadline'; at: string } | { kind: 'stuck'; at: string };

export interface Watched {
  status: CaseStatus;
  updatedAt: string;
  deadlines: Deadlines;
  /** how many times the stall sweep has re-sent the current hop's message */
  transitResends?: number;
}

export function isInTransit(status: CaseStatus): boolean {
  return IN_TRANSIT.includes(status);
}

export function nextWatch(record: Watched, stallAfterMs = DEFAULT_STALL_AFTER_MS): Watch {
  if (!isInTransit(record.status)) return { kind: 'deadline', at: record.deadlines.acceptBy };
  const resends = record.transitResends ?? 0;
  if (resends >= MAX_RESENDS) return { kind: 'stuck', at: record.updatedAt };
  return { kind: 'transit', at: new Date(Date.parse(record.updatedAt) + stallAfterMs * 2 ** resends).toISOString() };
}
