// The shape of a deadline policy (时限标准), checked with zod when it is loaded, so a bad number in the data
// file stops the function at start-up with the path of the mistake instead of producing wrong deadlines.
import * as z from 'zod';
import { REQUEST_TYPES, URGENCIES } from '../case.js';
import { DEADLINE_KINDS } from './deadline-kind.js';

export const DURATION_UNITS = ['calendar-hours', 'working-hours', 'working-days'] as const;

const MAX_HOURS = 24 * 366;

export const durationSchema = z
  .object({ unit: z.enum(DURATION_UNITS), amount: z.number().finite().min(0).max(MAX_HOURS) })
  .strict()
  .refine((d) => d.unit !== 'working-days' || Number.isInteger(d.amount), { message: 'working-days must be a whole number' });

const clocks = {
  accept: durationSchema,
  respond: durationSchema,
  resolve: durationSchema,
  supportAnswer: durationSchema,
};

export const ruleSchema = z.object({ note: z.string().optional(), ...clocks }).strict();
export const partialRuleSchema = z
  .object({ accept: durationSchema.optional(), respond: durationSchema.optional(), resolve: durationSchema.optional(), supportAnswer: durationSchema.optional() })
  .strict()
  .refine((r) => Object.keys(r).length > 0, { message: 'an override must change at least one clock' });

export const overrideSchema = z
  .object({
    note: z.string().min(1),
    /** a category code, or the code of its top level: "utilities" matches "utilities/gas" */
    category: z.string().min(1).optional(),
    /** a unit code: the case's owner or any unit above it, or its department */
    unit: z.string().min(1).optional(),
    requestType: z.enum(REQUEST_TYPES).optional(),
    urgency: z.enum(URGENCIES).optional(),
    rule: partialRuleSchema,
  })
  .strict()
  .refine((o) => o.category !== undefined || o.unit !== undefined, { message: 'an override names a category or a unit' });

const sweepRuleSchema = z
  .object({
    note: z.string().optional(),
    /** calendar minutes before a deadline when the first urge (临期催办) goes out */
    warnBeforeMinutes: z.object(Object.fromEntries(DEADLINE_KINDS.map((k) => [k, z.number().int().min(0).max(60 * 24 * 30)])) as Record<(typeof DEADLINE_KINDS)[number], z.ZodNumber>).strict(),
    /** how long after a missed deadline the case moves one level up (and again after each further grace) */
    escalateAfter: durationSchema,
  })
  .strict();

export const policySchema = z
  .object({
    version: z.string().min(1),
    note: z.string().optional(),
    urgent: ruleSchema,
    normal: z.object(Object.fromEntries(REQUEST_TYPES.map((t) => [t, ruleSchema])) as Record<(typeof REQUEST_TYPES)[number], typeof ruleSchema>).strict(),
    overrides: z.array(overrideSchema).default([]),
    sweep: z.object({ urgent: sweepRuleSchema, normal: sweepRuleSchema }).strict(),
  })
  .strict();

export type DeadlinePolicyData = z.infer<typeof policySchema>;
