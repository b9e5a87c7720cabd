// The district hop (区级分拨): a case the classifier gave to a department goes to that department's queue;
// any other goes to the street the router picks, or to district triage when no street can be decided.
import { beijingDate } from '../domain/beijing-time.js';
import type { CaseRecord } from '../domain/case-record.js';
import type { DistrictDispatchMessage } from '../messages.js';
import { departmentTask } from './department-task.js';
import { AUTO_DISPATCH_CONFIDENCE } from '../domain/routing/text-router.js';
import type { Dependencies } from './dependencies.js';
import { lowConfidenceReason } from './triage-reason.js';
import { caseAwaitingHop, settleAfterConflict } from './resume-pending-hop.js';
import { routingInput } from './routing-input.js';

export async function dispatchFromDistrict(deps: Dependencies, message: DistrictDispatchMessage): Promise<CaseRecord> {
  const { record, awaiting } = await caseAwaitingHop(deps, message.caseId, (r) => r.status === 'received');
  if (!awaiting) return record;
  const at = deps.now().toISOString();
  const actor = { kind: 'unit' as const, id: 'district-dispatcher', unit: deps.district };
  const { classification } = record;

  if (classification.routeTo === 'department') {
    const department = classification.department;
    const result = await deps.cases.transition(
      record,
      {
        to: 'dispatched_to_department',
        changes: { owner: { ...department, level: 'department' } },
        event: { type: 'routed_to_department', at, actor, unit: { ...department, level: 'department' }, confidence: classification.confidence, reason: `按分类直派部门：${classification.reason}` },
      },
      at,
    );
    if (!result.ok) return settleAfterConflict(deps, result.current, message.caseId);
    await deps.queues.toDepartment(departmentTask(result.record));
    await deps.figures.increment({ ...department, level: 'department' }, beijingDate(new Date(at)), 'received');
    return result.record;
  }

  const decision = deps.router.pickStreet(routingInput(record));
  if (!decision.street || decision.confidence < AUTO_DISPATCH_CONFIDENCE) {
    const result = await deps.cases.transition(
      record,
      { to: 'triage_district', changes: {}, event: { type: 'triage_required', at, actor, unit: { ...deps.district, level: 'district' }, confidence: decision.confidence, reason: lowConfidenceReason(decision) } },
      at,
    );
    return result.ok ? result.record : settleAfterConflict(deps, result.current, message.caseId);
  }
  const street = decision.street;
  const result = await deps.cases.transition(
    record,
    {
      to: 'dispatched_to_street',
      changes: { jurisdiction: { ...record.jurisdiction, street }, owner: { ...street, level: 'street' } },
      event: { type: 'routed_to_street', at, actor, unit: { ...street, level: 'street' }, confidence: decision.confidence, reason: decision.reason },
    },
    at,
  );
  if (!result.ok) return settleAfterConflict(deps, result.current, message.caseId);
  await deps.queues.toStreet({ caseId: record.caseId, streetCode: street.code });
  return result.record;
}
