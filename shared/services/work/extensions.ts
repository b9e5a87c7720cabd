// Extensions (延期): the owner asks for more working days with a reason; a supervisor of a unit above it (or
// of the district) approves or refuses. Approval moves the resolve deadline (shared/domain/deadlines/extension.ts).
import { formatBeijingTime } from '../../domain/beijing-time.js';
import { extendDeadlines, extensionProblem } from '../../domain/deadlines/extension.js';
import type { ExtensionRequest, WorkedCase } from '../../domain/work/case-work.js';
import type { ExtensionDecisionRequest, ExtensionRequestBody } from '../../domain/work/task-requests.js';
import { redactPersonalData } from '../../security/mask.js';
import type { StaffIdentity } from '../../security/staff-identity.js';
import { caseIsWithinUnit, holderIsWithinUnit } from '../staff-rights.js';
import type { StaffRequest } from './accept-contact-note.js';
import { actionKey, caseNotFound, refuse, runCaseAction, type ActionOutcome, type Refusal } from './run-case-action.js';
import { staffActor, staffUnit } from './staff-unit.js';
import { staffMayWork, statusAllows } from './task-checks.js';
import type { WorkDependencies } from './work-dependencies.js';

export function requestExtension(deps: WorkDependencies, { staff, caseId, body, idempotencyKey }: StaffRequest<ExtensionRequestBody>): Promise<ActionOutcome> {
  return runCaseAction(deps, {
    caseId,
    actionKey: actionKey('extension', caseId, staff.staffId, body, idempotencyKey),
    decide: (record) => {
      const refused = staffMayWork(staff, record) ?? statusAllows('extension', record);
      if (refused) return refused;
      const now = deps.now();
      const extensions = record.extensions ?? [];
      const problem = extensionProblem(
        body.workingDays,
        { pending: extensions.filter((e) => e.status === 'pending').length, approved: extensions.filter((e) => e.status === 'approved').length },
        record.deadlines.resolveBy,
        now,
      );
      if (problem) return refuse(problem.code === 'bad_days' ? 400 : 409, problem.code, problem.message);
      const at = now.toISOString();
      const reason = redactPersonalData(body.reason);
      const request: ExtensionRequest = { id: record.version + 1, workingDays: body.workingDays, reason, requestedAt: at, by: record.owner, status: 'pending' };
      return {
        kind: 'act',
        request: {
          to: record.status,
          set: { extensions: [...extensions, request] },
          event: {
            type: 'extension_requested',
            at,
            actor: staffActor(staff),
            unit: record.owner,
            reason: `申请延期${body.workingDays}个工作日：${reason}`,
            deadline: { kind: 'resolve', dueAt: record.deadlines.resolveBy, unit: record.owner },
          },
        },
      };
    },
  });
}

/** A supervisor decides for the units below its own; not for its own unit's requests (except the district's). */
function mayDecide(staff: StaffIdentity, record: WorkedCase): Refusal | undefined {
  if (!caseIsWithinUnit(staff, record)) return caseNotFound();
  if (!holderIsWithinUnit(staff, record)) {
    return refuse(403, 'not_your_unit', `the case is held by ${record.owner.name}, which is not under your unit: its own supervisors or the district decide`);
  }
  if (staff.unit.code === record.owner.code && staff.unit.level !== 'district') {
    return refuse(403, 'own_unit', 'a unit does not decide its own extension request: a supervisor of the unit above (or of the district) does');
  }
  return undefined;
}

export function decideExtension(deps: WorkDependencies, { staff, caseId, body, idempotencyKey }: StaffRequest<ExtensionDecisionRequest>): Promise<ActionOutcome> {
  return runCaseAction(deps, {
    caseId,
    actionKey: actionKey('extension-decision', caseId, staff.staffId, body, idempotencyKey),
    decide: (record) => {
      const denied = mayDecide(staff, record);
      if (denied) return denied;
      const extensions = record.extensions ?? [];
      const pending = extensions.find((e) => e.status === 'pending');
      if (!pending) return refuse(409, 'no_pending_extension', 'the case has no extension request waiting for a decision');
      if (record.status !== 'accepted') return refuse(409, 'invalid_state', `the case is ${record.status}: its extension request lapsed`);
      const at = deps.now().toISOString();
      const approved = body.decision === 'approved';
      const deadlines = approved ? extendDeadlines(record.deadlines, pending.workingDays) : record.deadlines;
      const decided: ExtensionRequest = {
        ...pending,
        status: body.decision,
        decidedAt: at,
        decidedBy: { code: staff.unit.code, name: staffUnit(staff).name },
        ...(body.comment ? { comment: redactPersonalData(body.comment) } : {}),
        ...(approved ? { resolveByBefore: record.deadlines.resolveBy, resolveByAfter: deadlines.resolveBy } : {}),
      };
      const comment = body.comment ? `（${redactPersonalData(body.comment)}）` : '';
      return {
        kind: 'act',
        request: {
          to: record.status,
          set: { extensions: extensions.map((e) => (e.id === pending.id ? decided : e)), ...(approved ? { deadlines } : {}) },
          event: {
            type: 'extension_decided',
            at,
            actor: staffActor(staff),
            unit: record.owner,
            approved,
            reason: approved
              ? `批准延期${pending.workingDays}个工作日，办结时限由 ${formatBeijingTime(record.deadlines.resolveBy)} 改为 ${formatBeijingTime(deadlines.resolveBy)}${comment}`
              : `不同意延期，办结时限仍为 ${formatBeijingTime(record.deadlines.resolveBy)}${comment}`,
            deadline: { kind: 'resolve', dueAt: deadlines.resolveBy, unit: record.owner },
          },
        },
      };
    },
  });
}
