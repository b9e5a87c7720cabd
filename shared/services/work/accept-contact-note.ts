// The first steps of a unit's work on a case: accept it (签收), record contact with the caller (联系诉求人),
// and add progress notes (办理进展). Notes and contact notes never keep phone or ID numbers.
import { redactPersonalData } from '../../security/mask.js';
import type { StaffIdentity } from '../../security/staff-identity.js';
import { CONTACT_METHOD_NAMES, type AcceptRequest, type ContactRequest, type NoteRequest } from '../../domain/work/task-requests.js';
import { actionKey, runCaseAction, type ActionOutcome } from './run-case-action.js';
import { staffActor } from './staff-unit.js';
import { staffMayWork, statusAllows } from './task-checks.js';
import type { WorkDependencies } from './work-dependencies.js';

export interface StaffRequest<T> {
  staff: StaffIdentity;
  caseId: string;
  body: T;
  idempotencyKey?: string;
}

export function acceptTask(deps: WorkDependencies, { staff, caseId, body, idempotencyKey }: StaffRequest<AcceptRequest>): Promise<ActionOutcome> {
  return runCaseAction(deps, {
    caseId,
    actionKey: actionKey('accept', caseId, staff.staffId, body, idempotencyKey),
    decide: (record) => {
      const denied = staffMayWork(staff, record);
      if (denied) return denied;
      // accepting an accepted case again is the same accept
      if (record.status === 'accepted') return { kind: 'already', match: (e) => e.type === 'accepted' };
      const wrongState = statusAllows('accept', record);
      if (wrongState) return wrongState;
      const note = body.note ? `：${redactPersonalData(body.note)}` : '';
      return {
        kind: 'act',
        request: {
          to: 'accepted',
          event: { type: 'accepted', at: deps.now().toISOString(), actor: staffActor(staff), unit: record.owner, reason: `${record.owner.name}已签收${note}` },
        },
      };
    },
  });
}

export function recordContact(deps: WorkDependencies, { staff, caseId, body, idempotencyKey }: StaffRequest<ContactRequest>): Promise<ActionOutcome> {
  return runCaseAction(deps, {
    caseId,
    actionKey: actionKey('contact', caseId, staff.staffId, body, idempotencyKey),
    decide: (record) => {
      const refused = staffMayWork(staff, record) ?? statusAllows('contact', record);
      if (refused) return refused;
      const at = deps.now().toISOString();
      const note = body.note ? `：${redactPersonalData(body.note)}` : '';
      return {
        kind: 'act',
        request: {
          to: record.status,
          ...(record.contactedAt ? {} : { set: { contactedAt: at } }),
          event: { type: 'contacted', at, actor: staffActor(staff), unit: record.owner, reason: `已通过${CONTACT_METHOD_NAMES[body.method]}联系诉求人${note}` },
        },
      };
    },
  });
}

export function addProgressNote(deps: WorkDependencies, { staff, caseId, body, idempotencyKey }: StaffRequest<NoteRequest>): Promise<ActionOutcome> {
  return runCaseAction(deps, {
    caseId,
    actionKey: actionKey('notes', caseId, staff.staffId, body, idempotencyKey),
    decide: (record) => {
      const refused = staffMayWork(staff, record) ?? statusAllows('notes', record);
      if (refused) return refused;
      return {
        kind: 'act',
        request: {
          to: record.status,
          event: { type: 'progress_noted', at: deps.now().toISOString(), actor: staffActor(staff), unit: record.owner, reason: redactPersonalData(body.note) },
        },
      };
    },
  });
}
