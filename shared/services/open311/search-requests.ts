// GET /requests and /requests/{id}: cases as GeoReport v2 service requests, without a Scan. Listed ids are
// read by key; a date range is read day by day from its end backwards (case ids are numbered per Beijing
// day, see case-day-reader.ts), newest first, filtered by time, service and status, and bounded: at most
// MAX_RESULTS answers and MAX_READ cases read per request (a busy range is answered from its newest end).
import { beijingDayKey } from '../../domain/beijing-time.js';
import { formatCaseId, isCaseId } from '../../domain/case-id.js';
import type { SearchQuery } from '../../domain/open311/search-query.js';
import { MAX_RESULTS } from '../../domain/open311/search-query.js';
import { open311Status, toServiceRequest, type Open311ServiceRequest } from '../../domain/open311/service-request.js';
import { serviceCodeOf } from '../../domain/open311/services.js';
import type { WorkedCase } from '../../domain/work/case-work.js';
import { redactPersonalData } from '../../security/mask.js';
import type { Open311Dependencies } from './open311-dependencies.js';

export const MAX_READ = 5000;
const CHUNK = 100;
const DAY_MS = 86_400_000;

export interface SearchResult {
  requests: Open311ServiceRequest[];
  /** true when the bound on cases read stopped the search before the start of the range */
  truncated: boolean;
}

const view = (record: WorkedCase) => toServiceRequest(record, redactPersonalData);

export async function findRequest(deps: Pick<Open311Dependencies, 'days'>, id: string): Promise<Open311ServiceRequest | undefined> {
  if (!isCaseId(id)) return undefined;
  const [record] = await deps.days.getMany([id]);
  return record ? view(record) : undefined;
}

export async function searchRequests(deps: Pick<Open311Dependencies, 'days'>, query: SearchQuery, limits = { maxResults: MAX_RESULTS, maxRead: MAX_READ }): Promise<SearchResult> {
  if (query.kind === 'ids') {
    const records = await deps.days.getMany(query.ids.filter(isCaseId));
    return { requests: records.map(view), truncated: false };
  }
  const matches = (record: WorkedCase) =>
    record.createdAt >= query.start &&
    record.createdAt <= query.end &&
    (query.serviceCodes === null || query.serviceCodes.includes(serviceCodeOf(record.classification.category.code))) &&
    (query.statuses === null || query.statuses.includes(open311Status(record.status)));
  const requests: Open311ServiceRequest[] = [];
  let read = 0;
  const startDay = beijingDayKey(new Date(query.start));
  for (let t = Date.parse(query.end); ; t -= DAY_MS) {
    const day = beijingDayKey(new Date(t));
    if (day < startDay) break;
    const given = await deps.days.numbersGiven(day);
    for (let top = given; top >= 1; top -= CHUNK) {
      if (read >= limits.maxRead) return { requests, truncated: true };
      const ids: string[] = [];
      for (let n = top; n > Math.max(0, top - CHUNK) && read + ids.length < limits.maxRead; n--) ids.push(formatCaseId(day, n));
      read += ids.length;
      for (const record of await deps.days.getMany(ids)) {
        if (!matches(record)) continue;
        requests.push(view(record));
        if (requests.length >= limits.maxResults) return { requests, truncated: false };
      }
    }
  }
  return { requests, truncated: false };
}
