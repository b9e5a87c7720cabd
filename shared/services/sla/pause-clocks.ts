// Pausing a case's clocks while the unit waits for the caller (POST /tasks/{caseId}/pause), and resuming them
// (POST /tasks/{caseId}/resume), which moves every running deadline later by the paused time as its clock
// runs (shared/domain/deadlines/pause.ts). Both go through the task API's one write path (runCaseAction):
// version-conditional, repeat-safe, counted once.
import { formatBeijingTime } from '../../domain/beijing-time.js';
import { deadlinesAfterPause } from '../../domain/deadlines/pause.js';
import { redactPersonalData } from '../../security/mask.js';
import type { StaffIdentity } from '../../security/staff-identity.js';
import { actionKey, refuse, runCaseAction, type ActionOutcome } from '../work/run-case-action.js';
import { staffActor } from '../work/staff-unit.js';
import { staffMayWork } from '../work/task-checks.js';
import type { WorkDependencies } from '../work/work-dependencies.js';
import * as z from 'zod';

export const pauseRequestSchema = z
  .object({
    /** why the unit waits for the caller (等待诉求人补充材料, 诉求人约定时间上门 …) */
    reason: z.string().trim().min(2, 'say why the clocks stop (at least 2 characters)').max(200),
  })
  .strict();
export type PauseRequest = z.infer<typeof pauseRequestSchema>;

export const resumeRequestSchema = z.object({ note: z.string().trim().max(200).optional() }).strict();
export type ResumeRequest = z.infer<typeof resumeRequestSchema>;

export interface ClockRequest<T> {
  staff: StaffIdentity;
  caseId: string;
  body: T;
  idempotencyKey?: string;
}

export function pauseClocks(deps: WorkDependencies, { staff, caseId, body, idempotencyKey }: ClockRequest<PauseRequest>): Promise<ActionOutcome> {
  return runCaseAction(deps, {
    caseId,
    actionKey: actionKey('pause', caseId, staff.staffId, body, idempotencyKey),
    decide: (record) => {
      const denied = staffMayWork(staff, record);
      if (denied) return denied;
      if (record.sla?.pause) return refuse(409, 'already_paused', `the clocks have been paused since ${formatBeijingTime(record.sla.pause.since)}: resume them first`);
      if (record.status !== 'accepted') return refuse(409, 'invalid_state', `only an accepted case waits for its caller; this one is ${record.status}`);
      const at = deps.now().toISOString();
      const reason = redactPersonalData(body.reason);
      return {
        kind: 'act',
        request: {
          to: record.status,
          set: { sla: { ...record.sla, pause: { since: at, reason, by: staff.staffId } } },
          event: { type: 'paused', at, actor: staffActor(staff), unit: record.owner, reason: `暂停计时（等待诉求人）：${reason}` },
        },
      };
    },
  });
}

export function resumeClocks(deps: WorkDependencies, { staff, caseId, body, idempotencyKey }: ClockRequest<ResumeRequest>): Promise<ActionOutcome> {
  return runCaseAction(deps, {
    caseId,
    actionKey: actionKey('resume', caseId, staff.staffId, body, idempotencyKey),
    decide: (record) => {
      const denied = staffMayWork(staff, record);
      if (denied) return denied;
      const pause = record.sla?.pause;
      if (!pause) return refuse(409, 'not_paused', 'the clocks of this case are running');
      const now = deps.now();
      const { deadlines } = deadlinesAfterPause(record, new Date(pause.since), now);
      const { pause: _ended, ...rest } = record.sla ?? {};
      const pausedMs = (rest.pausedMs ?? 0) + Math.max(0, now.getTime() - Date.parse(pause.since));
      const note = body.note ? `；${redactPersonalData(body.note)}` : '';
      const moved = deadlines.resolveBy !== record.deadlines.resolveBy ? `，办结时限顺延至 ${formatBeijingTime(deadlines.resolveBy)}` : '，时限不变（暂停未占用工作时间）';
      return {
        kind: 'act',
        request: {
          to: record.status,
          set: { deadlines, sla: { ...rest, pausedMs } },
          event: { type: 'resumed', at: now.toISOString(), actor: staffActor(staff), unit: record.owner, reason: `恢复计时${moved}${note}` },
        },
      };
    },
  });
}
