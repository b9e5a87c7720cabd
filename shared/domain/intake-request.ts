// What a caller may send to POST /cases, checked field by field. A bad field is named in the error.
import * as z from 'zod';
import { CHANNELS, COORDINATE_SYSTEMS } from './case.js';

/** Control characters other than tab, newline and carriage return have no place in a citizen's text. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const text = (max: number) =>
  z
    .string()
    .max(max, { message: `at most ${max} characters` })
    .refine((s) => !CONTROL_CHARS.test(s), { message: 'contains control characters' });

/** Degrees, rounded to 7 decimals (about 1 cm): finer is noise, and DynamoDB cannot store 1e-200. */
const coordinate = (limit: number) =>
  z
    .number()
    .min(-limit)
    .max(limit)
    .transform((n) => Math.round(n * 1e7) / 1e7);

export const intakeRequestSchema = z
  .object({
    channel: z.enum(CHANNELS),
    content: text(5000).refine((s) => s.trim().length >= 4, { message: 'must describe the request in at least 4 characters' }),
    caller: z
      .object({
        name: text(50).optional(),
        phone: z
          .string()
          .regex(/^\+?[0-9][0-9 -]{4,19}$/, { message: 'must be a phone number (digits, spaces, dashes, optional leading +)' })
          .optional(),
        enterpriseName: text(100).optional(),
      })
      .strict()
      .optional(),
    address: text(300).optional(),
    /** where the problem is; `system` is the datum: gcj02 (map apps, WeChat) or wgs84 (GPS); absent = gcj02 (DEFAULT_COORDINATE_SYSTEM) */
    location: z
      .object({
        lat: coordinate(90),
        lng: coordinate(180),
        system: z.enum(COORDINATE_SYSTEMS, { message: 'gcj02 or wgs84' }).optional(),
      })
      .strict()
      .optional(),
    attachments: z
      .array(
        z
          .object({
            url: z.url({ protocol: /^https?$/ }).max(2000),
            name: text(200).optional(),
            contentType: text(100).optional(),
          })
          .strict(),
      )
      .max(10, { message: 'at most 10 attachments' })
      .optional(),
  })
  .strict();

export type IntakeRequest = z.infer<typeof intakeRequestSchema>;

export interface FieldProblem {
  field: string;
  message: string;
}

/** zod's issues as `{ field: "caller.phone", message }`, the form the API's error details use. */
export function describeProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.join(', ');
      return { field: [path, issue.keys[0]].filter(Boolean).join('.'), message: `unknown field(s): ${keys}` };
    }
    return { field: path || '(body)', message: issue.message };
  });
}
