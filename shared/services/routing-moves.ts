// The moves a routing step makes, each one conditional write (from the status and version it was decided
// on), its timeline event, then the next hop's message and the figures (count-event.ts). A write that loses
// a race finishes whatever the winner left pending (settleAfterConflict) and answers with that case.
import type { UnitRef } from '../domain/case.js';
import type { CaseRecord } from '../domain/case-record.js';
import type { CaseStatus } from '../domain/case-status.js';
import type { Actor, EventType } from '../domain/timeline.js';
import { countEvent } from './count-event.js';
import { departmentTask } from './department-task.js';
import type { Dependencies } from './dependencies.js';
import { settleAfterConflict } from './resume-pending-hop.js';

export interface Move {
  at: string;
  actor: Actor;
  confidence?: number;
  reason: string;
  /** the event type (defaults: routed_to_street / routed_to_department / routed_to_grid / triage_required) */
  type?: EventType;
}

/** To a street: it picks the community and grid next. */
export async function moveToStreet(deps: Dependencies, record: CaseRecord, street: UnitRef, move: Move): Promise<CaseRecord> {
  const result = await deps.cases.transition(
    record,
    {
      to: 'dispatched_to_street',
      changes: { jurisdiction: { ...record.jurisdiction, street, community: null, grid: null }, owner: { ...street, level: 'street' } },
      event: event(move, 'routed_to_street', { ...street, level: 'street' }),
    },
    move.at,
  );
  if (!result.ok) return settleAfterConflict(deps, result.current, record.caseId);
  await deps.queues.toStreet({ caseId: record.caseId, streetCode: street.code });
  await countEvent(deps, result.record, result.record.lastEvent);
  return result.record;
}

/** To a grid (and its community) inside the case's street. */
export async function moveToGrid(deps: Dependencies, record: CaseRecord, community: UnitRef, grid: UnitRef, move: Move): Promise<CaseRecord> {
  const result = await deps.cases.transition(
    record,
    {
      to: 'dispatched_to_grid',
      changes: { jurisdiction: { ...record.jurisdiction, community, grid }, owner: { ...grid, level: 'grid' } },
      event: event(move, 'routed_to_grid', { ...grid, level: 'grid' }),
    },
    move.at,
  );
  if (!result.ok) return settleAfterConflict(deps, result.current, record.caseId);
  await deps.queues.toGrid({ caseId: record.caseId, gridCode: grid.code });
  await countEvent(deps, result.record, result.record.lastEvent);
  return result.record;
}

/**
 * To a department's queue. The department becomes the case's responsible department (what its task names);
 * the category stays as classified.
 */
export async function moveToDepartment(deps: Dependencies, record: CaseRecord, department: UnitRef, move: Move): Promise<CaseRecord> {
  const owner = { ...department, level: 'department' as const };
  const classification = record.classification.department.code === department.code ? undefined : { ...record.classification, department };
  const result = await deps.cases.transition(
    record,
    {
      to: 'dispatched_to_department',
      changes: { owner, ...(classification ? { classification } : {}) },
      event: event(move, 'routed_to_department', owner),
    },
    move.at,
  );
  if (!result.ok) return settleAfterConflict(deps, result.current, record.caseId);
  await deps.queues.toDepartment(departmentTask(result.record));
  // a crash or a failed count here is finished by the redelivered district message (dispatch-from-district.ts)
  await countEvent(deps, result.record, result.record.lastEvent);
  return result.record;
}

/** To a person: district triage (owned by the district) or street triage (owned by the street). */
export async function moveToTriage(deps: Dependencies, record: CaseRecord, level: 'district' | 'street', unit: UnitRef, move: Move): Promise<CaseRecord> {
  const to: CaseStatus = level === 'district' ? 'triage_district' : 'triage_street';
  const owner = { ...unit, level };
  const result = await deps.cases.transition(
    record,
    {
      to,
      changes: { owner, ...(level === 'district' ? { jurisdiction: { ...record.jurisdiction, street: null, community: null, grid: null } } : {}) },
      event: event(move, 'triage_required', owner),
    },
    move.at,
  );
  if (!result.ok) return settleAfterConflict(deps, result.current, record.caseId);
  await countEvent(deps, result.record, result.record.lastEvent);
  return result.record;
}

/** A case returned again: the district decides (争议工单); nothing is routed automatically any more. */
export async function moveToDispute(deps: Dependencies, record: CaseRecord, move: Move): Promise<CaseRecord> {
  const owner = { ...deps.district, level: 'district' as const };
  const result = await deps.cases.transition(record, { to: 'disputed', changes: { owner }, event: event(move, 'disputed', owner) }, move.at);
  if (!result.ok) return settleAfterConflict(deps, result.current, record.caseId);
  await countEvent(deps, result.record, result.record.lastEvent);
  return result.record;
}

function event(move: Move, fallback: EventType, unit: UnitRef & { level: string }) {
  return {
    type: move.type ?? fallback,
    at: move.at,
    actor: move.actor,
    unit,
    ...(move.confidence !== undefined ? { confidence: move.confidence } : {}),
    reason: move.reason,
  };
}
