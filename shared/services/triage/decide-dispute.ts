// A district supervisor rules on a dispute (争议工单裁定: a case returned twice): POST
// /disputes/{caseId}/decision with a street or a department and a note. The case goes there and the
// ruling is an event 'dispute_decided'; the units that returned it stay excluded below the street (so a
// street that is ruled responsible picks one of its other communities).
import { CASE_STATUS_NAMES } from '../../domain/case-status.js';
import { isCaseId } from '../../domain/case-id.js';
import type { DisputeDecisionRequest } from '../../domain/routing/triage-requests.js';
import { redactPersonalData } from '../../security/mask.js';
import type { StaffIdentity } from '../../security/staff-identity.js';
import { resumePendingHop } from '../resume-pending-hop.js';
import { moveToDepartment, moveToStreet } from '../routing-moves.js';
import { alreadyDecided, districtDecisionTarget, settled } from './decide-triage.js';
import { notFound, refuse, staffActorFor, type DecisionOutcome } from './decision-outcome.js';
import type { TriageDependencies } from './triage-dependencies.js';

export async function decideDispute(deps: TriageDependencies, staff: StaffIdentity, caseId: string, body: DisputeDecisionRequest): Promise<DecisionOutcome> {
  if (!isCaseId(caseId)) return notFound();
  if (staff.unit.level !== 'district' || staff.unit.code !== deps.district.code || staff.role !== 'supervisor') {
    return refuse(403, 'forbidden', `a dispute is ruled on by a supervisor of ${deps.district.name}(${deps.district.code})`);
  }
  const target = districtDecisionTarget(deps, body);
  if (target.kind === 'refused') return target;
  const record = await deps.cases.get(caseId);
  if (!record) return notFound();
  if (record.status !== 'disputed') {
    const done = alreadyDecided(record, 'dispute_decided', target.unit.code);
    if (done) {
      await resumePendingHop(deps, record);
      return done;
    }
    return refuse(409, 'not_disputed', `the case is ${record.status} (${CASE_STATUS_NAMES[record.status]}), not a dispute waiting for a ruling`);
  }
  const returned = (record.returns ?? []).map((r) => r.unit.name).join('、');
  const move = {
    at: deps.now().toISOString(),
    actor: staffActorFor(deps, staff),
    type: 'dispute_decided' as const,
    reason: `区级裁定${returned ? `（曾退单：${returned}）` : ''}：由${target.unit.name}(${target.unit.code})办理。说明：${redactPersonalData(body.note)}`,
  };
  const after = target.kind === 'street' ? await moveToStreet(deps, record, target.unit, move) : await moveToDepartment(deps, record, target.unit, move);
  return settled(after, record, 'dispute_decided', target.unit.code);
}
