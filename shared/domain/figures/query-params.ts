// The supervisor API's query parameters, checked with zod: a level, a Beijing date range (at most a year),
// a month. Each problem is reported by field, for a 400 answer.
import * as z from 'zod';

export const FIGURE_LEVELS = ['district', 'street', 'community', 'grid', 'department'] as const;
export type FigureLevel = (typeof FIGURE_LEVELS)[number];

export const MAX_RANGE_DAYS = 366;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a real date');

export const dateRangeSchema = z
  .object({ from: isoDate, to: isoDate })
  .refine((r) => r.from <= r.to, { message: 'from must not be after to', path: ['from'] })
  .refine((r) => daysBetween(r.from, r.to) < MAX_RANGE_DAYS, { message: `a range is at most ${MAX_RANGE_DAYS} days`, path: ['to'] });

export const summaryQuerySchema = z.object({ level: z.enum(FIGURE_LEVELS), from: isoDate, to: isoDate }).strict().superRefine((q, ctx) => {
  const r = dateRangeSchema.safeParse(q);
  if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});

export const unitQuerySchema = z.object({ from: isoDate, to: isoDate }).strict().superRefine((q, ctx) => {
  const r = dateRangeSchema.safeParse(q);
  if (!r.success) for (const issue of r.error.issues) ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
});

/** The default range when a query gives none: the 30 days ending today (Beijing). */
export const DEFAULT_RANGE_DAYS = 30;

/** Query parameters with `from`/`to` filled in when both are absent (one without the other is left to fail). */
export function withDefaultRange(params: Record<string, string | undefined>, today: string): Record<string, string | undefined> {
  if (params.from !== undefined || params.to !== undefined) return params;
  const from = new Date(Date.parse(`${today}T00:00:00Z`) - (DEFAULT_RANGE_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  return { ...params, from, to: today };
}

export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected YYYY-MM');

export const rankingQuerySchema = z.object({ level: z.enum(FIGURE_LEVELS), month: monthSchema }).strict();

export const overdueQuerySchema = z.object({ unit: z.string().min(1).max(40).optional(), limit: z.coerce.number().int().min(1).max(500).optional() }).strict();

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The first and last day of a YYYY-MM month. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** Every YYYY-MM-DD from `from` to `to`, inclusive. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`), end = Date.parse(`${to}T00:00:00Z`); t <= end; t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}
