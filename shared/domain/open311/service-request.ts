// A case as an Open311 GeoReport v2 service request (GET /requests): the spec's fields, in the spec's order,
// with personal data left out — no caller name or phone at all, phone and ID numbers in the text blanked.
//   status      open, or closed once the work is done (resolved 已办结, closed 已结案) or the case merged
//   status_notes the status in words, the answer once resolved, the primary case when merged
//   agency_responsible the unit that holds the case now (the resolving unit once resolved)
//   expected_datetime  the resolve deadline (办结时限), extensions included
//   lat, long   WGS84 as the spec says (a GCJ-02 point from a map app is converted), 7 decimals
import { CASE_STATUS_NAMES, type CaseStatus } from '../case-status.js';
import type { WorkedCase } from '../work/case-work.js';
import { formatBeijingTime } from '../beijing-time.js';
import { toWgs84 } from '../routing/coordinates.js';
import { serviceCodeOf, serviceNameOf } from './services.js';

export const CLOSED_STATUSES: readonly CaseStatus[] = ['resolved', 'closed', 'merged'];

export type Open311Status = 'open' | 'closed';

export function open311Status(status: CaseStatus): Open311Status {
  return CLOSED_STATUSES.includes(status) ? 'closed' : 'open';
}

export interface Open311ServiceRequest {
  [field: string]: string | number | null;
  service_request_id: string;
  status: Open311Status;
  status_notes: string | null;
  service_name: string;
  service_code: string;
  description: string;
  agency_responsible: string | null;
  service_notice: string | null;
  requested_datetime: string;
  updated_datetime: string;
  expected_datetime: string | null;
  address: string | null;
  address_id: string | null;
  zipcode: string | null;
  lat: number | null;
  long: number | null;
  media_url: string | null;
}

/** `redact` blanks phone and ID numbers in free text (security/mask.ts, passed in to keep this pure). */
export function toServiceRequest(record: WorkedCase, redact: (text: string) => string): Open311ServiceRequest {
  const { category } = record.classification;
  const status = open311Status(record.status);
  let notes = CASE_STATUS_NAMES[record.status];
  if (record.status === 'merged' && record.mergedInto) notes = `${notes}：与工单${record.mergedInto}为同一诉求，合并办理`;
  else if (record.resolution && status === 'closed') notes = `${notes}：${redact(record.resolution.answer)}`;
  const wgs84 = record.location ? toWgs84(record.location).map((n) => Math.round(n * 1e7) / 1e7) : null;
  const agency = status === 'closed' && record.resolution ? record.resolution.by.name : record.owner.name;
  return {
    service_request_id: record.caseId,
    status,
    status_notes: notes,
    service_name: serviceNameOf(category),
    service_code: serviceCodeOf(category.code),
    description: redact(record.content),
    agency_responsible: agency,
    service_notice: status === 'open' ? `按时限标准应于 ${formatBeijingTime(record.deadlines.resolveBy)}（北京时间）前办结` : null,
    requested_datetime: record.createdAt,
    updated_datetime: record.updatedAt,
    expected_datetime: record.deadlines.resolveBy,
    address: record.address ? redact(record.address) : null,
    address_id: null,
    zipcode: null,
    lat: wgs84?.[1] ?? null,
    long: wgs84?.[0] ?? null,
    media_url: record.attachments?.[0]?.url ?? null,
  };
}
