// Timeline events: one per state change of a case, numbered in order, each saying who did what and why.
import type { CaseStatus } from './case-status.js';
import type { UnitRef } from './case.js';
import type { DeadlineRef } from './deadlines/deadline-kind.js';

export type EventType =
  | 'received'
  | 'classified'
  | 'routed_to_street'
  | 'routed_to_department'
  | 'routed_to_grid'
  | 'triage_required'
  | 'assigned'
  // the working half (task actions, supervisors, follow-up); see docs/api.md for who may do what
  | 'accepted'
  | 'contacted'
  | 'progress_noted'
  | 'resolved'
  | 'returned'
  | 'rerouted'
  | 'disputed'
  | 'dispute_decided'
  | 'triage_decided'
  | 'extension_requested'
  | 'extension_decided'
  | 'support_called'
  | 'support_answered'
  | 'urged'
  | 'escalated'
  | 'followed_up'
  | 'reopened'
  | 'closed'
  | 'merged'
  // the clocks (deadlines work): waiting for the caller stops them; resuming moves the deadlines
  | 'paused'
  | 'resumed'
  // a staff member corrected the classification (category, request type, urgency, department)
  | 'reclassified';

export type Actor =
  | { kind: 'system'; id: string }
  | { kind: 'caller'; id: string; channel: string }
  | { kind: 'unit'; id: string; unit: UnitRef };

export interface TimelineEvent {
  /** 1, 2, 3 … : the case's version after this event */
  seq: number;
  type: EventType;
  at: string;
  actor: Actor;
  status: CaseStatus;
  /** for a routing hop: why this unit was chosen */
  reason?: string;
  confidence?: number;
  /** the unit the case went to, if any */
  unit?: UnitRef & { level: string };
  /** the deadline this event is about (urge, escalation, support call / answer, extension), if any */
  deadline?: DeadlineRef;
}
