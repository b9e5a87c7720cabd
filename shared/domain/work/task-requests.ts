// What the task API accepts, field by field (zod), for every action a unit, a supervisor, an agent or a
// caller may take on a case. Unknown fields are refused, as at intake.
import * as z from 'zod';
import { CASE_ID_PATTERN } from '../case-id.js';
import { findDepartment } from '../departments.js';
import { MAX_EXTENSION_DAYS } from '../deadlines/extension.js';
import { RETURN_REASON_CODES } from './return-reasons.js';
import { SATISFACTIONS } from './follow-up.js';

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Free text of `min`–`max` characters (after trimming), without control characters other than tab and newlines. */
export const freeText = (min: number, max: number) =>
  z
    .string()
    .max(max, { message: `at most ${max} characters` })
    .refine((s) => !CONTROL_CHARS.test(s), { message: 'contains control characters' })
    .refine((s) => s.trim().length >= min, { message: `at least ${min} characters` })
    .transform((s) => s.trim());

export const CONTACT_METHODS = ['phone', 'sms', 'visit', 'wechat', 'other'] as const;
export const CONTACT_METHOD_NAMES: Record<(typeof CONTACT_METHODS)[number], string> = {
  phone: '电话',
  sms: '短信',
  visit: '上门',
  wechat: '微信',
  other: '其他方式',
};

export const acceptRequest = z.object({ note: freeText(1, 500).optional() }).strict();
export const contactRequest = z.object({ method: z.enum(CONTACT_METHODS), note: freeText(1, 500).optional() }).strict();
export const noteRequest = z.object({ note: freeText(2, 2000) }).strict();
export const resolveRequest = z.object({ answer: freeText(5, 2000) }).strict();
export const returnRequest = z.object({ reasonCode: z.enum(RETURN_REASON_CODES as [string, ...string[]]), reason: freeText(5, 500) }).strict();
export const extensionRequest = z
  .object({ workingDays: z.number().int().min(1).max(MAX_EXTENSION_DAYS), reason: freeText(5, 500) })
  .strict();
export const extensionDecisionRequest = z.object({ decision: z.enum(['approved', 'refused']), comment: freeText(1, 500).optional() }).strict();

const departmentCode = z.string().refine((code) => findDepartment(code) !== undefined, { message: 'not a department code (see docs/api.md)' });
export const MAX_SUPPORT_DEPARTMENTS = 5;
export const supportCallRequest = z
  .object({
    departments: z
      .array(departmentCode)
      .min(1)
      .max(MAX_SUPPORT_DEPARTMENTS)
      .refine((codes) => new Set(codes).size === codes.length, { message: 'a department is named twice' }),
    request: freeText(5, 1000),
  })
  .strict();
export const supportAnswerRequest = z.object({ answer: freeText(2, 2000) }).strict();

export const followUpRequest = z.object({ satisfaction: z.enum(SATISFACTIONS), solved: z.boolean(), comment: freeText(1, 500).optional() }).strict();

export const mergeRequest = z.object({ into: z.string().regex(CASE_ID_PATTERN, { message: 'must be a case id like HP-20261123-000001' }) }).strict();

export type AcceptRequest = z.infer<typeof acceptRequest>;
export type ContactRequest = z.infer<typeof contactRequest>;
export type NoteRequest = z.infer<typeof noteRequest>;
export type ResolveRequest = z.infer<typeof resolveRequest>;
export type ReturnRequest = z.infer<typeof returnRequest>;
export type ExtensionRequestBody = z.infer<typeof extensionRequest>;
export type ExtensionDecisionRequest = z.infer<typeof extensionDecisionRequest>;
export type SupportCallRequest = z.infer<typeof supportCallRequest>;
export type SupportAnswerRequest = z.infer<typeof supportAnswerRequest>;
export type FollowUpRequest = z.infer<typeof followUpRequest>;
export type MergeRequest = z.infer<typeof mergeRequest>;
