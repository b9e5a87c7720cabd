// What GET /cases/{caseId} and its timeline show: the case's public face, with Chinese names beside codes
// and personal data masked.
import { CASE_STATUS_NAMES } from '../domain/case-status.js';
import type { CaseRecord } from '../domain/case-record.js';
import { REQUEST_TYPE_NAMES, URGENCY_NAMES } from '../domain/case.js';
import type { TimelineEvent } from '../domain/timeline.js';
import { maskName, maskPhone, redactPersonalData } from '../security/mask.js';

export function caseView(record: CaseRecord) {
  const { classification } = record;
  return {
    caseId: record.caseId,
    status: record.status,
    statusName: CASE_STATUS_NAMES[record.status],
    channel: record.channel,
    // phone and ID numbers typed into the text are blanked like the caller's own
    content: redactPersonalData(record.content),
    address: record.address ? redactPersonalData(record.address) : null,
    location: record.location ?? null,
    caller: record.caller
      ? {
          name: record.caller.name ? maskName(record.caller.name) : null,
          phone: record.caller.phone ? maskPhone(record.caller.phone) : null,
          enterpriseName: record.caller.enterpriseName ?? null,
        }
      : null,
    category: { code: classification.category.code, name: classification.category.path.join('/'), path: classification.category.path },
    requestType: classification.requestType,
    requestTypeName: REQUEST_TYPE_NAMES[classification.requestType],
    urgency: classification.urgency,
    urgencyName: URGENCY_NAMES[classification.urgency],
    department: classification.department,
    jurisdiction: record.jurisdiction,
    owner: record.owner,
    deadlines: record.deadlines,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export function timelineView(caseId: string, events: TimelineEvent[]) {
  return {
    caseId,
    events: events.map((event) => ({
      seq: event.seq,
      type: event.type,
      at: event.at,
      actor: event.actor,
      status: event.status,
      statusName: CASE_STATUS_NAMES[event.status],
      unit: event.unit ?? null,
      reason: event.reason ?? null,
      confidence: event.confidence ?? null,
    })),
  };
}
