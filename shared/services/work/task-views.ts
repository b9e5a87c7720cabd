// What the task API shows staff: a line per task on the work list, and one case in full for the unit that
// works on it. The caller's phone and name are shown in full only to the unit that holds an open case (it
// must call back) and to call-centre agents for a case awaiting its follow-up; everyone else sees them
// masked, and phone or ID numbers typed into the text are blanked.
import { CASE_STATUS_NAMES } from '../../domain/case-status.js';
import { REQUEST_TYPE_NAMES, URGENCY_NAMES } from '../../domain/case.js';
import { DEADLINE_KIND_NAMES } from '../../domain/deadlines/deadline-kind.js';
import { openSupportCalls, type WorkedCase } from '../../domain/work/case-work.js';
import { WORKING_STATUSES, workDeadline } from '../../domain/work/task-rules.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import { maskName, maskPhone, redactPersonalData } from '../../security/mask.js';
import type { StaffIdentity } from '../../security/staff-identity.js';
import { timelineView } from '../case-view.js';

const SUMMARY_LENGTH = 120;

function workingTo(record: WorkedCase, now: Date) {
  const kind = record.status !== 'accepted' ? 'accept' : record.contactedAt ? 'resolve' : 'respond';
  const dueAt = workDeadline(record.status, record.deadlines, record.contactedAt !== undefined);
  return { kind, name: DEADLINE_KIND_NAMES[kind], dueAt, overdue: Date.parse(dueAt) < now.getTime() };
}

export function taskLine(record: WorkedCase, now: Date) {
  const summary = redactPersonalData(record.content);
  const { classification } = record;
  return {
    caseId: record.caseId,
    status: record.status,
    statusName: CASE_STATUS_NAMES[record.status],
    category: { code: classification.category.code, name: classification.category.path.join('/') },
    requestType: classification.requestType,
    requestTypeName: REQUEST_TYPE_NAMES[classification.requestType],
    urgency: classification.urgency,
    urgencyName: URGENCY_NAMES[classification.urgency],
    summary: summary.length > SUMMARY_LENGTH ? `${summary.slice(0, SUMMARY_LENGTH)}…` : summary,
    address: record.address ? redactPersonalData(record.address) : null,
    deadlines: record.deadlines,
    workingTo: workingTo(record, now),
    extensionPending: (record.extensions ?? []).some((e) => e.status === 'pending'),
    openSupportCalls: openSupportCalls(record).map((c) => c.department.code),
    duplicateCandidates: (record.duplicateCandidates ?? []).length,
  };
}

/** One case for staff. `callerInFull`: the caller's name and phone unmasked (the unit that must call back). */
export function taskDetail(record: WorkedCase, events: TimelineEvent[], now: Date, callerInFull: boolean) {
  const caller = record.caller;
  return {
    ...taskLine(record, now),
    content: redactPersonalData(record.content),
    location: record.location ?? null,
    caller: caller
      ? {
          name: caller.name ? (callerInFull ? caller.name : maskName(caller.name)) : null,
          phone: caller.phone ? (callerInFull ? caller.phone : maskPhone(caller.phone)) : null,
          enterpriseName: caller.enterpriseName ?? null,
        }
      : null,
    channel: record.channel,
    department: record.classification.department,
    jurisdiction: record.jurisdiction,
    owner: record.owner,
    attachments: record.attachments ?? [],
    contactedAt: record.contactedAt ?? null,
    resolution: record.resolution ?? null,
    extensions: record.extensions ?? [],
    supportCalls: Object.values(record.supportCalls ?? {}),
    followUps: record.followUps ?? [],
    returns: record.returns ?? [],
    mergedInto: record.mergedInto ?? null,
    mergedCases: record.mergedCases ?? [],
    duplicateCandidates: record.duplicateCandidates ?? [],
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    timeline: timelineView(record.caseId, events).events,
  };
}

/** The unit that holds an open case calls the caller back; a call-centre agent calls for the follow-up. */
export function showsCallerInFull(record: WorkedCase, staff: Pick<StaffIdentity, 'unit' | 'role'>): boolean {
  if (staff.role === 'agent') return record.status === 'resolved';
  return record.owner.code === staff.unit.code && WORKING_STATUSES.includes(record.status);
}
