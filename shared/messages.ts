// The bodies of the queue messages between hops, checked on arrival. They carry ids, never personal data.
import { z } from 'zod';
import { CASE_ID_PATTERN } from './domain/case-id.js';

const caseId = z.string().regex(CASE_ID_PATTERN);

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
    location: z.object({ lat: z.number(), lng: z.number() }).optional(),
    acceptBy: z.string(),
    resolveBy: z.string(),
  })
  .strict();
export type DepartmentTaskMessage = z.infer<typeof departmentTaskMessage>;
