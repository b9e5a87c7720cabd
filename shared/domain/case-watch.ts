// When the system must look at a case again without being asked, and why.
//
// A case in transit (its next hop's message is on a queue) should move within seconds. If it has not
// moved after `stallAfterMs`, the message may be lost (a crash between a state change and its send, or a
// send that failed after intake answered): the stall sweep sends it again, backing off 1×, 2×, 4× … and
// after MAX_RESENDS gives up and marks the case stuck for an operator. A case waiting on a unit is watched
// by its clocks instead: the overdue sweep looks at it when its next step is due (a warning before a
// deadline, the deadline itself, an escalation after it; shared/domain/deadlines/sweep-plan.ts). A case no
// clock runs for (resolved, closed, paused, in triage …) is not watched at all.
import type { CaseStatus } from './case-status.js';
import type { CaseRecord } from './case-record.js';
import type { CaseWork } from './work/case-work.js';
import { nextLookAt } from './deadlines/sweep-plan.js';

/** A returned case waits for the district hop to route it again (its message is on the district queue). */
export const IN_TRANSIT: readonly CaseStatus[] = ['received', 'returned', 'dispatched_to_street', 'dispatched_to_grid'];
export const DEFAULT_STALL_AFTER_MS = 5 * 60_000;
export const MAX_RESENDS = 5;

export type Watch = { kind: 'transit'; at: string } | { kind: 'deadline'; at: string } | { kind: 'stuck'; at: string };

export type Watched = Pick<CaseRecord, 'status' | 'updatedAt' | 'deadlines' | 'owner' | 'classification' | 'transitResends' | 'sla'> & Partial<Pick<CaseWork, 'contactedAt' | 'supportCalls'>>;

export function isInTransit(status: CaseStatus): boolean {
  return IN_TRANSIT.includes(status);
}

/** The case's next look, or null when nothing must happen without someone acting. */
export function nextWatch(record: Watched, stallAfterMs = DEFAULT_STALL_AFTER_MS): Watch | null {
  if (!isInTransit(record.status)) {
    const at = nextLookAt(record);
    return at === null ? null : { kind: 'deadline', at };
  }
  const resends = record.transitResends ?? 0;
  if (resends >= MAX_RESENDS) return { kind: 'stuck', at: record.updatedAt };
  return { kind: 'transit', at: new Date(Date.parse(record.updatedAt) + stallAfterMs * 2 ** resends).toISOString() };
}

/** The watch of a case in transit (never null: in transit, something always watches it). */
export function transitWatch(record: Watched, stallAfterMs = DEFAULT_STALL_AFTER_MS): Watch {
  const watch = nextWatch(record, stallAfterMs);
  if (!watch) throw new Error(`case in status ${record.status} has no transit watch`);
  return watch;
}
