// What the working half of a case (签收 → 办结 → 回访) keeps on the case item besides CaseRecord's own
// fields: the answer to the caller, the first contact, extension requests, calls for support, follow-ups,
// merging. Every field is optional: a case that was never worked on has none of them.
import type { CaseRecord, CaseOwner } from '../case-record.js';
import type { UnitRef } from '../case.js';
import type { Satisfaction } from './follow-up.js';

/** The unit's answer to the caller (办结答复), recorded when the case is resolved. */
export interface Resolution {
  answer: string;
  at: string;
  by: CaseOwner;
  /** which resolution of the case this is: 1, then 2 after a reopen … */
  round: number;
}

export interface ExtensionRequest {
  /** the seq of the extension_requested event: names the request */
  id: number;
  workingDays: number;
  reason: string;
  requestedAt: string;
  by: CaseOwner;
  status: 'pending' | 'approved' | 'refused';
  decidedAt?: string;
  decidedBy?: UnitRef;
  comment?: string;
  /** resolveBy before and after an approval */
  resolveByBefore?: string;
  resolveByAfter?: string;
}

/** A call for support (呼 / 吹哨) from the owner of a case to one department, and its answer (应 / 报到). */
export interface SupportCall {
  department: UnitRef;
  request: string;
  calledAt: string;
  calledBy: CaseOwner;
  answerBy: string;
  status: 'open' | 'answered';
  answer?: string;
  answeredAt?: string;
}

export interface FollowUp {
  /** the resolution round this follow-up is about */
  round: number;
  /** the seq of its followed_up event */
  seq: number;
  satisfaction: Satisfaction;
  solved: boolean;
  comment?: string;
  by: 'agent' | 'caller';
  at: string;
  /** what it led to; a merged case's caller's follow-up is recorded on that case only */
  outcome: 'closed' | 'reopened_same_unit' | 'reopened_above' | 'recorded';
}

/** A case proposed as a duplicate (重复诉求) of this one, with how alike they are. */
export interface DuplicateCandidate {
  caseId: string;
  score: number;
  reason: string;
}

export interface CaseWork {
  contactedAt?: string;
  resolution?: Resolution;
  extensions?: ExtensionRequest[];
  /** by department code */
  supportCalls?: Record<string, SupportCall>;
  followUps?: FollowUp[];
  /** for a merged case: the case that carries the work */
  mergedInto?: string;
  /** for a primary case: the cases merged into it */
  mergedCases?: string[];
  /** open cases this one may repeat, found when it reached its unit */
  duplicateCandidates?: DuplicateCandidate[];
  /** hashes of the requests already applied (a repeat is answered, not applied again) */
  actionKeys?: Set<string>;
}

export type WorkedCase = CaseRecord & CaseWork;

/** The case as the working half sees it: the case item holds these fields beside CaseRecord's. */
export function worked(record: CaseRecord): WorkedCase {
  return record as WorkedCase;
}

export function openSupportCalls(record: WorkedCase): SupportCall[] {
  return Object.values(record.supportCalls ?? {}).filter((c) => c.status === 'open');
}

/** How many times the case has been resolved (the round of the next follow-up). */
export function resolutionRound(record: WorkedCase): number {
  return record.resolution?.round ?? 0;
}
