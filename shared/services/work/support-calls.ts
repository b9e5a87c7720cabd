// Calls for support (呼 / 吹哨) and answers (应 / 报到). The grid, community or street that holds an accepted
// case calls one or more departments; each call is its own event (so the figures count calls per
// department) with its own answer deadline from the deadline policy, and goes to the department's queue
// and its work list. The case cannot be resolved while a call is open. The overdue sweep urges and
// escalates a department that does not answer in time: it reads the open calls on the case (supportCalls).
import { findDepartment } from '../../domain/departments.js';
import { supportAnswerDeadline } from '../../domain/deadlines/compute-deadlines.js';
import { mayCallForSupport } from '../../domain/work/support-calls.js';
import type { SupportCall, WorkedCase } from '../../domain/work/case-work.js';
import type { SupportAnswerRequest, SupportCallRequest } from '../../domain/work/task-requests.js';
import type { DepartmentSupportCallMessage } from '../../messages.js';
import { redactPersonalData } from '../../security/mask.js';
import type { StaffIdentity } from '../../security/staff-identity.js';
import type { StaffRequest } from './accept-contact-note.js';
import { actionKey, caseNotFound, refuse, runCaseAction, type ActionOutcome } from './run-case-action.js';
import { staffActor } from './staff-unit.js';
import { staffMayWork, statusAllows } from './task-checks.js';
import type { WorkDependencies } from './work-dependencies.js';

const SUMMARY_LENGTH = 300;

function callMessage(record: WorkedCase, call: SupportCall): DepartmentSupportCallMessage {
  const summary = redactPersonalData(record.content);
  return {
    kind: 'support-call',
    caseId: record.caseId,
    department: call.department.code,
    calledBy: { code: call.calledBy.code, name: call.calledBy.name, level: call.calledBy.level },
    request: call.request,
    category: record.classification.category.path.join('/'),
    urgency: record.classification.urgency,
    summary: summary.length > SUMMARY_LENGTH ? `${summary.slice(0, SUMMARY_LENGTH)}…` : summary,
    ...(record.address ? { address: redactPersonalData(record.address) } : {}),
    ...(record.location ? { location: record.location } : {}),
    calledAt: call.calledAt,
    answerBy: call.answerBy,
  };
}

/** Call every department named; a department whose call is still open is not called twice. */
export async function callForSupport(deps: WorkDependencies, { staff, caseId, body, idempotencyKey }: StaffRequest<SupportCallRequest>): Promise<ActionOutcome> {
  const done: Array<Extract<ActionOutcome, { kind: 'done' }>> = [];
  // one after the other: each call is a conditional write on the same case
  for (const code of body.departments) {
    const outcome = await callOne(deps, staff, caseId, code, body.request, idempotencyKey);
    if (outcome.kind === 'refused') return outcome;
    done.push(outcome);
  }
  const last = done.at(-1);
  if (!last) return refuse(400, 'validation_failed', 'name at least one department');
  const record = (await deps.work.get(caseId)) ?? last.record;
  return { kind: 'done', record, event: last.event, events: done.map((o) => o.event), replayed: done.every((o) => o.replayed) };
}

function callOne(deps: WorkDependencies, staff: StaffIdentity, caseId: string, code: string, request: string, idempotencyKey: string | undefined): Promise<ActionOutcome> {
  const department = findDepartment(code);
  return runCaseAction(deps, {
    caseId,
    actionKey: actionKey('support-call', caseId, staff.staffId, { code, request }, idempotencyKey === undefined ? undefined : `${idempotencyKey}:${code}`),
    decide: (record) => {
      const refused = staffMayWork(staff, record) ?? statusAllows('support-calls', record);
      if (refused) return refused;
      if (!department) return refuse(400, 'validation_failed', `no department ${code}`);
      if (!mayCallForSupport(record.owner)) {
        return refuse(409, 'not_a_calling_unit', 'calls for support are made by the grid, community or street that holds the case; a department asks the district to coordinate');
      }
      // still waiting for this department: the same call, not a second one
      if (record.supportCalls?.[code]?.status === 'open') return { kind: 'already', match: (e) => e.type === 'support_called' && e.deadline?.key === code };
      const at = deps.now();
      const unit = { code: department.code, name: department.name, level: 'department' as const };
      const call: SupportCall = {
        department: { code: department.code, name: department.name },
        request: redactPersonalData(request),
        calledAt: at.toISOString(),
        calledBy: record.owner,
        answerBy: supportAnswerDeadline(record, code, at),
        status: 'open',
      };
      return {
        kind: 'act',
        request: {
          to: record.status,
          set: { supportCalls: { ...(record.supportCalls ?? {}), [code]: call } },
          event: {
            type: 'support_called',
            at: call.calledAt,
            actor: staffActor(staff),
            unit,
            reason: `${record.owner.name}呼叫${department.name}：${call.request}`,
            deadline: { kind: 'support-answer', dueAt: call.answerBy, key: code, unit },
          },
        },
      };
    },
    // the department hears of it on its queue and sees it on its list; both are safe to repeat
    effects: async (record) => {
      const call = record.supportCalls?.[code];
      if (!call || call.status !== 'open') return;
      const message = callMessage(record, call);
      await deps.supportCalls.open(message);
      await deps.queues.toDepartment(message);
    },
  });
}

/** A department answers (报到) a call made to it. */
export function answerSupportCall(deps: WorkDependencies, { staff, caseId, body, idempotencyKey, departmentCode }: StaffRequest<SupportAnswerRequest> & { departmentCode: string }): Promise<ActionOutcome> {
  return runCaseAction(deps, {
    caseId,
    actionKey: actionKey('support-answer', caseId, staff.staffId, { departmentCode, body }, idempotencyKey),
    decide: (record) => {
      const call = record.supportCalls?.[departmentCode];
      if (staff.unit.level !== 'department' || staff.unit.code !== departmentCode || !call) return caseNotFound();
      if (call.status === 'answered') return { kind: 'already', match: (e) => e.type === 'support_answered' && e.deadline?.key === departmentCode };
      if (record.status === 'closed' || record.status === 'merged') return refuse(409, 'invalid_state', `the case is ${record.status}`);
      const at = deps.now().toISOString();
      const answer = redactPersonalData(body.answer);
      const unit = { ...call.department, level: 'department' as const };
      return {
        kind: 'act',
        request: {
          to: record.status,
          set: { supportCalls: { ...record.supportCalls, [departmentCode]: { ...call, status: 'answered', answer, answeredAt: at } } },
          event: {
            type: 'support_answered',
            at,
            actor: staffActor(staff),
            unit,
            reason: `${call.department.name}报到：${answer}`,
            deadline: { kind: 'support-answer', dueAt: call.answerBy, key: departmentCode, unit },
          },
        },
      };
    },
    effects: async (record) => {
      const call = record.supportCalls?.[departmentCode];
      if (call?.status === 'answered' && call.answeredAt) await deps.supportCalls.close(caseId, departmentCode, call.answeredAt);
    },
  });
}
