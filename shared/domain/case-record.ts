// The whole case as the system keeps it. Personal data sits under `caller` only.
import type { CaseStatus } from './case-status.js';
import type { Caller, Channel, Classification, Deadlines, GeoPoint, Jurisdiction, UnitLevel, UnitRef } from './case.js';
import type { TimelineEvent } from './timeline.js';
import type { SlaState } from './deadlines/sla-state.js';

export interface Attachment {
  url: string;
  name?: string;
  contentType?: string;
}

export interface CaseOwner extends UnitRef {
  level: UnitLevel;
}

/** a unit's return (退单) of a case as not theirs: the router excludes it when it routes again */
export interface CaseReturn {
  unit: CaseOwner;
  /** one of the listed return reasons (docs/api.md) */
  reasonCode: string;
  reason: string;
  at: string;
}

export interface CaseRecord {
  caseId: string;
  status: CaseStatus;
  /** grows by one with every state change; equals the seq of the last timeline event */
  version: number;
  channel: Channel;
  content: string;
  address?: string;
  location?: GeoPoint;
  caller?: Caller;
  attachments?: Attachment[];
  classification: Classification;
  jurisdiction: Jurisdiction;
  /** the unit that must act now */
  owner: CaseOwner;
  deadlines: Deadlines;
  /** sha-256 of the tracking token handed to the caller; the token itself is never stored on the case */
  trackingTokenHash: string;
  createdAt: string;
  updatedAt: string;
  /** how many times the stall sweep re-sent the current hop's message (reset by every state change) */
  transitResends?: number;
  /** every return so far, oldest first; two returns make a dispute (争议工单) for the district */
  returns?: CaseReturn[];
  /** the event of the last state change, kept on the case so a crash between the two writes can be repaired */
  lastEvent: TimelineEvent;
  /** the clocks' pause and the overdue sweep's progress (shared/domain/deadlines/sla-state.ts) */
  sla?: SlaState;
}
