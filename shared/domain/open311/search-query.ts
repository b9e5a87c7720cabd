// GET /requests (GeoReport v2): the query's filters checked. `service_request_id` (comma-separated) overrides
// every other argument; otherwise start_date / end_date (W3C date-times with a time zone) bound
// requested_datetime, by default the last 90 days, and may not span more than 90 days; service_code and
// status (open, closed) may each list several values.
import { categoryOfServiceCode } from './services.js';
import type { Open311Error } from './post-request.js';
import type { Open311Status } from './service-request.js';

export const MAX_SPAN_DAYS = 90;
/** "Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest." */
export const MAX_RESULTS = 1000;
export const MAX_IDS = 100;

export type SearchQuery =
  | { kind: 'ids'; ids: string[] }
  | { kind: 'range'; start: string; end: string; serviceCodes: string[] | null; statuses: Open311Status[] | null };

const DAY_MS = 86_400_000;
/** W3C date-time (a subset of ISO 8601) with a time zone, as the spec requires. */
const W3C = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const listOf = (value: string | undefined) =>
  value === undefined
    ? null
    : value
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== '');

export function parseSearchQuery(query: Record<string, string | undefined>, now: Date): { ok: true; query: SearchQuery } | { ok: false; errors: Open311Error[] } {
  const fail = (description: string) => ({ ok: false as const, errors: [{ code: 400, description }] });
  const ids = listOf(query.service_request_id);
  if (ids && ids.length > 0) {
    if (ids.length > MAX_IDS) return fail(`at most ${MAX_IDS} service_request_id values at once`);
    return { ok: true, query: { kind: 'ids', ids: [...new Set(ids)] } };
  }
  for (const name of ['start_date', 'end_date'] as const) {
    const value = query[name];
    if (value !== undefined && value !== '' && (!W3C.test(value) || Number.isNaN(Date.parse(value)))) {
      return fail(`${name} must be a W3C date-time with a time zone, e.g. 2010-01-01T00:00:00Z`);
    }
  }
  const endMs = query.end_date ? Date.parse(query.end_date) : query.start_date ? Math.min(now.getTime(), Date.parse(query.start_date) + MAX_SPAN_DAYS * DAY_MS) : now.getTime();
  const startMs = query.start_date ? Date.parse(query.start_date) : endMs - MAX_SPAN_DAYS * DAY_MS;
  if (startMs > endMs) return fail('start_date is after end_date');
  if (endMs - startMs > MAX_SPAN_DAYS * DAY_MS) return fail(`start_date and end_date may not span more than ${MAX_SPAN_DAYS} days`);
  const statuses = listOf(query.status);
  if (statuses && statuses.some((s) => s !== 'open' && s !== 'closed')) return fail('status must be open or closed (comma-separated for both)');
  const codes = listOf(query.service_code);
  const unknown = codes?.find((code) => !categoryOfServiceCode(code));
  if (unknown) return fail(`service_code ${unknown} is not a service of this endpoint`);
  return {
    ok: true,
    query: {
      kind: 'range',
      start: new Date(startMs).toISOString(),
      end: new Date(endMs).toISOString(),
      serviceCodes: codes && codes.length > 0 ? codes : null,
      statuses: statuses && statuses.length > 0 ? (statuses as Open311Status[]) : null,
    },
  };
}
