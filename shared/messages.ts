// The bodies of the queue messages between hops, checked on arrival. They carry ids, never personal data.
import * as z from 'zod';
import { CASE_ID_PATTERN } from './domain/case-id.js';
import { COORDINATE_SYSTEMS } from './domain/case.js';

const caseId = z.string().regex(CASE_ID_PATTERN);
/** a case's location as the caller gave it; `system` (GCJ-02 or WGS84) is absent on cases stored before it was recorded */
const location = z.object({ lat: z.number(), lng: z.number(), system: z.enum(COORDINATE_SYSTEMS).optional() }).strict();

export const districtDispatchMessage = z.object({ caseId }).strict();
export type DistrictDispatchMessage = z.infer<typeof districtDispatchMessage>;

export const streetDispatchMessage = z.object({ caseId, streetCode: z.string().min(1).max(40) }).strict();
export type StreetDispatchMessage = z.infer<typeof streetDispatchMessage>;

export const gridAssignMessage = z.object({ caseId, gridCode: z.string().min(1).max(40) }).strict();
export type GridAssignMessage = z.infer<typeof gridAssignMessage>;

/** What a department's own system receives on its queue: what it needs to act, no caller data. */
export const departmentTaskMessage = z
  .object({
    kind: z.literal('case-task'),
    caseId,
    department: z.string(),
    category: z.string(),
    requestType: z.string(),
    urgency: z.enum(['urgent', 'normal']),
    summary: z.string(),
    address: z.string().optional(),
    location: location.optional(),
    acceptBy: z.string(),
    /** 响应: when the department must have contacted the caller (through the task API, which shows the number) */
    respondBy: z.string().optional(),
    resolveBy: z.string(),
  })
  .strict();
export type DepartmentTaskMessage = z.infer<typeof departmentTaskMessage>;

/** 催办: a reminder to a department whose deadline on a case is near or passed (the overdue sweep). */
export const departmentUrgeMessage = z
  .object({
    kind: z.literal('urge'),
    caseId,
    department: z.string(),
    /** which deadline: accept 签收, respond 响应, resolve 办结, support-answer 报到 */
    deadline: z.enum(['accept', 'respond', 'resolve', 'support-answer']),
    dueAt: z.string(),
    /** warning: about to pass; overdue: passed; escalation: passed and reported to the district */
    stage: z.enum(['warning', 'overdue', 'escalation']),
    /** the reminder as people read it (Chinese), no personal data */
    text: z.string(),
    at: z.string(),
  })
  .strict();
export type DepartmentUrgeMessage = z.infer<typeof departmentUrgeMessage>;

/**
 * 呼 / 吹哨: a grid, community or street calls the department to act on a case it holds. The department
 * answers (报到) by `answerBy` through POST /support-calls/{caseId}/{department}/answer. No caller data.
 */
export const departmentSupportCallMessage = z
  .object({
    kind: z.literal('support-call'),
    caseId,
    department: z.string(),
    /** the unit that calls: code, Chinese name and level */
    calledBy: z.object({ code: z.string(), name: z.string(), level: z.string() }).strict(),
    /** what the caller asks the department to do, phone and ID numbers blanked */
    request: z.string(),
    category: z.string(),
    urgency: z.enum(['urgent', 'normal']),
    summary: z.string(),
    address: z.string().optional(),
    location: location.optional(),
    calledAt: z.string(),
    answerBy: z.string(),
  })
  .strict();
export type DepartmentSupportCallMessage = z.infer<typeof departmentSupportCallMessage>;

/** Anything a department's queue may carry. */
export type DepartmentMessage = DepartmentTaskMessage | DepartmentUrgeMessage | DepartmentSupportCallMessage;
