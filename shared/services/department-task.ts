// The task a department receives on its queue: what it needs to act, with personal data kept out.
import type { CaseRecord } from '../domain/case-record.js';
import type { DepartmentTaskMessage } from '../messages.js';
import { redactPersonalData } from '../security/mask.js';

const SUMMARY_LENGTH = 300;

export function departmentTask(record: CaseRecord): DepartmentTaskMessage {
  const { classification } = record;
  const summary = redactPersonalData(record.content);
  return {
    kind: 'case-task',
    caseId: record.caseId,
    department: classification.department.code,
    category: classification.category.path.join('/'),
    requestType: classification.requestType,
    urgency: classification.urgency,
    summary: summary.length > SUMMARY_LENGTH ? `${summary.slice(0, SUMMARY_LENGTH)}…` : summary,
    ...(record.address ? { address: redactPersonalData(record.address) } : {}),
    ...(record.location ? { location: record.location } : {}),
    acceptBy: record.deadlines.acceptBy,
    respondBy: record.deadlines.respondBy,
    resolveBy: record.deadlines.resolveBy,
  };
}
