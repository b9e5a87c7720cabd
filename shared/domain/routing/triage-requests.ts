// What a person deciding a case's place may send: district triage (区级人工分拨) picks a street — or a
// department, when the case is a department's —, street triage (街镇人工分拨) picks a community and
// optionally its grid, and a district supervisor's ruling on a dispute (争议工单裁定) picks a street or a
// department with a note. Unknown fields are refused, as everywhere in the API.
import * as z from 'zod';
import { findDepartment } from '../departments.js';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const note = (min: number) =>
  z
    .string()
    .max(500, { message: 'at most 500 characters' })
    .refine((s) => !CONTROL_CHARS.test(s), { message: 'contains control characters' })
    .refine((s) => s.trim().length >= min, { message: `at least ${min} characters` })
    .transform((s) => s.trim());

const streetCode = z.string().regex(/^\d{9}$/, { message: 'a 9-digit street code' });
const departmentCode = z.string().refine((c) => findDepartment(c) !== undefined, { message: 'not a department code' });

const oneTarget = <T extends { streetCode?: string; departmentCode?: string }>(body: T) => (body.streetCode === undefined) !== (body.departmentCode === undefined);
const oneTargetIssue = { message: 'give exactly one of streetCode and departmentCode', path: ['streetCode'] };

/** POST /triage/{caseId}/street */
export const districtTriageRequest = z
  .object({ streetCode: streetCode.optional(), departmentCode: departmentCode.optional(), note: note(1).optional() })
  .strict()
  .refine(oneTarget, oneTargetIssue);
export type DistrictTriageRequest = z.infer<typeof districtTriageRequest>;

/** POST /triage/{caseId}/community */
export const streetTriageRequest = z
  .object({
    communityCode: z.string().regex(/^\d{12}$/, { message: 'a 12-digit community code' }),
    gridCode: z.string().regex(/^\d{12}-\d{2}$/, { message: 'a grid code: <12-digit community code>-<2 digits>' }).optional(),
    note: note(1).optional(),
  })
  .strict();
export type StreetTriageRequest = z.infer<typeof streetTriageRequest>;

/** POST /disputes/{caseId}/decision */
export const disputeDecisionRequest = z
  .object({ streetCode: streetCode.optional(), departmentCode: departmentCode.optional(), note: note(2) })
  .strict()
  .refine(oneTarget, oneTargetIssue);
export type DisputeDecisionRequest = z.infer<typeof disputeDecisionRequest>;

export const TRIAGE_LEVELS = ['district', 'street'] as const;
export type TriageLevel = (typeof TRIAGE_LEVELS)[number];
