// The district hop (区级分拨): a case the classifier gave to a department goes to that department's queue;
// a case about something a department owns wherever it is (an expressway, a river, a metro line) goes to
// that department; any other goes to the street the router picks, or to district triage when no street can
// be decided surely enough. A returned case (退单) is routed again here (reroute-returned.ts). A case the
// classifier was unsure of (classification.manualTriage) goes to district triage first.
import type { CaseRecord } from '../domain/case-record.js';
import type { DistrictDispatchMessage } from '../messages.js';
import { countEvent } from './count-event.js';
import type { Dependencies } from './dependencies.js';
import { lowConfidenceReason } from './triage-reason.js';
import { caseAwaitingHop } from './resume-pending-hop.js';
import { routingInput } from './routing-input.js';
import { moveToDepartment, moveToStreet, moveToTriage } from './routing-moves.js';
import { rerouteReturned } from './reroute-returned.js';

export const DISTRICT_DISPATCHER_ID = 'district-dispatcher';

export async function dispatchFromDistrict(deps: Dependencies, message: DistrictDispatchMessage): Promise<CaseRecord> {
  const { record, awaiting } = await caseAwaitingHop(deps, message.caseId, (r) => r.status === 'received' || r.status === 'returned');
  if (!awaiting) {
    // a redelivery after a crash between sending a case to a department and counting it: count it now (once, by its seq)
    if (record.status === 'dispatched_to_department' && record.lastEvent.status === 'dispatched_to_department') await countEvent(deps, record, record.lastEvent);
    return record;
  }
  if (record.status === 'returned') return rerouteReturned(deps, record);
  const at = deps.now().toISOString();
  const actor = { kind: 'unit' as const, id: DISTRICT_DISPATCHER_ID, unit: deps.district };
  const { classification } = record;

  // The classifier was not sure enough of the category (its confidence is below the triage threshold): a person
  // decides, on the same district triage path as an undecided street.
  if (classification.manualTriage) {
    return moveToTriage(deps, record, 'district', deps.district, { at, actor, confidence: classification.confidence, reason: `分类不确定：${classification.reason}` });
  }

  if (classification.routeTo === 'department') {
    return moveToDepartment(deps, record, classification.department, { at, actor, confidence: classification.confidence, reason: `按分类直派部门：${classification.reason}` });
  }

  const decision = deps.router.pickStreet(routingInput(record));
  const threshold = deps.router.autoDispatchConfidence;
  if (decision.department && decision.confidence >= threshold) {
    return moveToDepartment(deps, record, decision.department, { at, actor, confidence: decision.confidence, reason: decision.reason });
  }
  if (!decision.street || decision.confidence < threshold) {
    return moveToTriage(deps, record, 'district', deps.district, { at, actor, confidence: decision.confidence, reason: lowConfidenceReason(decision, threshold) });
  }
  return moveToStreet(deps, record, decision.street, { at, actor, confidence: decision.confidence, reason: decision.reason });
}
