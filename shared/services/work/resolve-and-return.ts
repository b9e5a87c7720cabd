// Finishing a unit's part: resolve (办结) with the answer to the caller, or return (退单) a case that is not
// the unit's, with a listed reason and an explanation; the district dispatcher then routes it again
// without the returning unit (the routing work reads `returns`).
import { openSupportCalls, type WorkedCase } from '../../domain/work/case-work.js';
import { RETURN_REASONS, type ReturnReasonCode } from '../../domain/work/return-reasons.js';
import type { ResolveRequest, ReturnRequest } from '../../domain/work/task-requests.js';
import { redactPersonalData } from '../../security/mask.js';
import type { StaffRequest } from './accept-contact-note.js';
import { actionKey, refuse, runCaseAction, type ActionOutcome } from './run-case-action.js';
import { staffActor } from './staff-unit.js';
import { staffMayWork, statusAllows } from './task-checks.js';
import type { WorkDependencies } from './work-dependencies.js';

export interface ResolveEffects {
  /** after a resolution: show it on the cases merged into this one */
  afterResolved?: (deps: WorkDependencies, record: WorkedCase) => Promise<void>;
}

export function resolveTask(deps: WorkDependencies, { staff, caseId, body, idempotencyKey }: StaffRequest<ResolveRequest>, effects: ResolveEffects = {}): Promise<ActionOutcome> {
  return runCaseAction(deps, {
    caseId,
    actionKey: actionKey('resolve', caseId, staff.staffId, body, idempotencyKey),
    decide: (record) => {
      const refused = staffMayWork(staff, record) ?? statusAllows('resolve', record);
      if (refused) return refused;
      const waiting = openSupportCalls(record);
      if (waiting.length > 0) {
        return refuse(409, 'support_calls_open', `the case waits for the answer of: ${waiting.map((c) => c.department.name).join('、')}; it can be resolved once every call for support is answered`);
      }
      const at = deps.now().toISOString();
      const round = (record.resolution?.round ?? 0) + 1;
      return {
        kind: 'act',
        request: {
          to: 'resolved',
          // stored with phone and ID numbers masked: staff of other units, agents and merged cases' callers read it
          set: { resolution: { answer: redactPersonalData(body.answer), at, by: record.owner, round } },
          event: { type: 'resolved', at, actor: staffActor(staff), unit: record.owner, reason: `办结答复：${redactPersonalData(body.answer)}` },
        },
      };
    },
    effects: async (record) => {
      if (effects.afterResolved && record.resolution) await effects.afterResolved(deps, record);
    },
  });
}

export function returnTask(deps: WorkDependencies, { staff, caseId, body, idempotencyKey }: StaffRequest<ReturnRequest>): Promise<ActionOutcome> {
  return runCaseAction(deps, {
    caseId,
    actionKey: actionKey('return', caseId, staff.staffId, body, idempotencyKey),
    decide: (record) => {
      const refused = staffMayWork(staff, record) ?? statusAllows('return', record);
      if (refused) return refused;
      const at = deps.now().toISOString();
      const code = body.reasonCode as ReturnReasonCode;
      const reason = redactPersonalData(body.reason);
      return {
        kind: 'act',
        request: {
          to: 'returned',
          set: { returns: [...(record.returns ?? []), { unit: record.owner, reasonCode: code, reason, at }] },
          // the next unit contacts the caller again
          remove: ['contactedAt'],
          event: { type: 'returned', at, actor: staffActor(staff), unit: record.owner, reason: `${record.owner.name}退单（${RETURN_REASONS[code]}）：${reason}` },
        },
      };
    },
    // the district dispatcher routes it again; a repeat sends again while the case still waits (the
    // dispatcher ignores a message for a case that has moved on)
    effects: async (record) => {
      if (record.status === 'returned') await deps.queues.toDistrict({ caseId: record.caseId });
    },
  });
}
