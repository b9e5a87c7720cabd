// A person decides where a case goes when the router could not (人工分拨):
//   district triage (POST /triage/{caseId}/street): staff of the district pick the street — or the
//     department, when the case is a department's — and the case goes on down the tree from there;
//   street triage (POST /triage/{caseId}/community): staff of the case's street pick the community and,
//     optionally, the grid (else the router picks the grid inside that community) and the case goes to it.
// The choice is an event 'triage_decided' on the timeline, with who decided and their note. A repeat of a
// decision already made answers with it (and re-sends the next hop's message if it is still pending).
import type { UnitRef } from '../../domain/case.js';
import type { CaseRecord } from '../../domain/case-record.js';
import { CASE_STATUS_NAMES } from '../../domain/case-status.js';
import { isCaseId } from '../../domain/case-id.js';
import { findDepartment } from '../../domain/departments.js';
import type { DistrictTriageRequest, StreetTriageRequest } from '../../domain/routing/triage-requests.js';
import { redactPersonalData } from '../../security/mask.js';
import type { StaffIdentity } from '../../security/staff-identity.js';
import { resumePendingHop } from '../resume-pending-hop.js';
import { routingInput } from '../routing-input.js';
import { moveToDepartment, moveToGrid, moveToStreet } from '../routing-moves.js';
import { invalidField, notFound, refuse, staffActorFor, type DecisionOutcome, type DecisionRefusal } from './decision-outcome.js';
import type { TriageDependencies } from './triage-dependencies.js';

const withNote = (text: string, note: string | undefined) => (note ? `${text}。说明：${redactPersonalData(note)}` : text);

export type DistrictDecisionTarget = { kind: 'street' | 'department'; unit: UnitRef };

/** Where a district decision (triage or a dispute ruling) sends the case: a street of the district, or a department. */
export function districtDecisionTarget(deps: Pick<TriageDependencies, 'router' | 'district'>, body: { streetCode?: string; departmentCode?: string }): DistrictDecisionTarget | DecisionRefusal {
  if (body.streetCode !== undefined) {
    const street = deps.router.tree.get(body.streetCode);
    if (street?.level !== 'street') return invalidField('streetCode', `not a street of ${deps.district.name}`);
    return { kind: 'street', unit: { code: street.code, name: street.name } };
  }
  const department = findDepartment(body.departmentCode as string);
  if (!department) return invalidField('departmentCode', 'not a department code');
  return { kind: 'department', unit: { code: department.code, name: department.name } };
}

/** The event a finished decision made, if the case's last event is a decision for the same unit. */
export function alreadyDecided(record: CaseRecord, type: 'triage_decided' | 'dispute_decided', unitCode: string): DecisionOutcome | undefined {
  const last = record.lastEvent;
  if (last.type === type && last.unit?.code === unitCode) return { kind: 'done', record, event: last, replayed: true };
  return undefined;
}

export async function decideDistrictTriage(deps: TriageDependencies, staff: StaffIdentity, caseId: string, body: DistrictTriageRequest): Promise<DecisionOutcome> {
  if (!isCaseId(caseId)) return notFound();
  if (staff.unit.level !== 'district' || staff.unit.code !== deps.district.code) {
    return refuse(403, 'forbidden', `district triage is decided by staff of ${deps.district.name}(${deps.district.code})`);
  }
  const target = districtDecisionTarget(deps, body);
  if (target.kind === 'refused') return target;
  const record = await deps.cases.get(caseId);
  if (!record) return notFound();
  if (record.status !== 'triage_district') {
    const done = alreadyDecided(record, 'triage_decided', target.unit.code);
    if (done) {
      await resumePendingHop(deps, record);
      return done;
    }
    return refuse(409, 'not_awaiting_triage', `the case is ${record.status} (${CASE_STATUS_NAMES[record.status]}), not waiting for district triage`);
  }
  const at = deps.now().toISOString();
  const move = { at, actor: staffActorFor(deps, staff), type: 'triage_decided' as const, reason: withNote(`区级人工分拨：派至${target.unit.name}(${target.unit.code})`, body.note) };
  const after = target.kind === 'street' ? await moveToStreet(deps, record, target.unit, move) : await moveToDepartment(deps, record, target.unit, move);
  return settled(after, record, 'triage_decided', target.unit.code);
}

export async function decideStreetTriage(deps: TriageDependencies, staff: StaffIdentity, caseId: string, body: StreetTriageRequest): Promise<DecisionOutcome> {
  if (!isCaseId(caseId)) return notFound();
  if (staff.unit.level !== 'street') return refuse(403, 'forbidden', 'street triage is decided by staff of the street that holds the case');
  const record = await deps.cases.get(caseId);
  // a street sees only its own cases: another street's case is "not found" to it
  if (!record || record.jurisdiction.street?.code !== staff.unit.code) return notFound();
  const tree = deps.router.tree;
  const community = tree.get(body.communityCode);
  if (community?.level !== 'community' || community.parentCode !== staff.unit.code) {
    return invalidField('communityCode', `not a community of ${record.jurisdiction.street.name}`);
  }
  let grid: UnitRef | null;
  if (body.gridCode !== undefined) {
    const node = tree.get(body.gridCode);
    if (node?.level !== 'grid' || node.parentCode !== community.code) return invalidField('gridCode', `not a grid of ${community.name}`);
    grid = { code: node.code, name: node.name };
  } else {
    grid = deps.router.gridFor(community.code, { ...routingInput(record), excludeUnits: [] });
    if (!grid) return invalidField('communityCode', `${community.name} has no grid`);
  }
  if (record.status !== 'triage_street') {
    const done = alreadyDecided(record, 'triage_decided', body.gridCode ?? record.jurisdiction.grid?.code ?? '');
    if (done && record.jurisdiction.community?.code === community.code) {
      await resumePendingHop(deps, record);
      return done;
    }
    return refuse(409, 'not_awaiting_triage', `the case is ${record.status} (${CASE_STATUS_NAMES[record.status]}), not waiting for street triage`);
  }
  const at = deps.now().toISOString();
  const how = body.gridCode ? '' : '（网格由系统在该社区内选定）';
  const move = {
    at,
    actor: staffActorFor(deps, staff),
    type: 'triage_decided' as const,
    reason: withNote(`街镇人工分拨：派至${community.name}(${community.code}) ${grid.name}(${grid.code})${how}`, body.note),
  };
  const after = await moveToGrid(deps, record, { code: community.code, name: community.name }, grid, move);
  return settled(after, record, 'triage_decided', grid.code);
}

/** After a move: done if our event is the case's last, otherwise someone else decided first (409). */
export function settled(after: CaseRecord, before: CaseRecord, type: 'triage_decided' | 'dispute_decided', unitCode: string): DecisionOutcome {
  if (after.version === before.version + 1 && after.lastEvent.type === type && after.lastEvent.unit?.code === unitCode) {
    return { kind: 'done', record: after, event: after.lastEvent, replayed: false };
  }
  return refuse(409, 'decided_meanwhile', `the case changed while deciding: it is now ${after.status} (${CASE_STATUS_NAMES[after.status]})`);
}
