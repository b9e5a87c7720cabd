// Merging duplicates (合并 / 重复诉求): a case that repeats an open one is merged into it. The merged case
// stops (status 'merged', `mergedInto` names the primary) and the primary carries the work and lists it in
// `mergedCases`; each caller keeps their own case id, tracking token and follow-up. When the primary is
// resolved, its answer is written onto every merged case (`resolution`, and an event on that case's own
// timeline), so each caller sees it and can be followed up.
import { canTransition } from '../../domain/case-status.js';
import { isCaseId } from '../../domain/case-id.js';
import type { WorkedCase } from '../../domain/work/case-work.js';
import type { MergeRequest } from '../../domain/work/task-requests.js';
import { redactPersonalData } from '../../security/mask.js';
import { caseIsWithinUnit, mayActOnCase } from '../staff-rights.js';
import type { StaffRequest } from './accept-contact-note.js';
import { actionKey, caseNotFound, refuse, runCaseAction, type ActionOutcome } from './run-case-action.js';
import { staffActor } from './staff-unit.js';
import type { WorkDependencies } from './work-dependencies.js';

const SYSTEM = { kind: 'system' as const, id: 'merge' };

export async function mergeCase(deps: WorkDependencies, { staff, caseId, body, idempotencyKey }: StaffRequest<MergeRequest>): Promise<ActionOutcome> {
  if (body.into === caseId) return refuse(400, 'validation_failed', 'a case cannot be merged into itself');
  const primary = isCaseId(body.into) ? await deps.work.get(body.into) : undefined;
  if (!primary || !caseIsWithinUnit(staff, primary)) return refuse(404, 'case_not_found', `no case ${body.into} your unit may see`);
  if (primary.status === 'merged') return refuse(409, 'primary_merged', `${body.into} was itself merged into ${primary.mergedInto}: merge into that case`);
  if (primary.status === 'closed') return refuse(409, 'primary_closed', `${body.into} is closed: a repeat of a closed case is a new case`);

  const merged = await runCaseAction(deps, {
    caseId,
    actionKey: actionKey('merge', caseId, staff.staffId, body, idempotencyKey),
    decide: (record) => {
      if (!caseIsWithinUnit(staff, record)) return caseNotFound();
      if (!mayActOnCase(staff, record)) return refuse(403, 'not_your_task', `the case is held by ${record.owner.name}`);
      if (record.status === 'merged') {
        return record.mergedInto === body.into ? { kind: 'already', match: (e) => e.type === 'merged' } : refuse(409, 'already_merged', `the case was merged into ${record.mergedInto}`);
      }
      if (!canTransition(record.status, 'merged')) return refuse(409, 'invalid_state', `a case that is ${record.status} cannot be merged`);
      return {
        kind: 'act',
        request: {
          to: 'merged',
          set: { mergedInto: body.into },
          event: { type: 'merged', at: deps.now().toISOString(), actor: staffActor(staff), unit: primary.owner, reason: `与工单${body.into}为同一诉求，合并办理` },
        },
      };
    },
    effects: async (record) => {
      await listOnPrimary(deps, body.into, record.caseId);
    },
  });
  return merged;
}

/** Record the merged case on the primary (once), and give it the primary's answer if there is one. */
async function listOnPrimary(deps: WorkDependencies, primaryId: string, mergedId: string): Promise<void> {
  const outcome = await runCaseAction(deps, {
    caseId: primaryId,
    actionKey: actionKey('merged-in', primaryId, SYSTEM.id, mergedId),
    decide: (primary) => {
      if (primary.mergedCases?.includes(mergedId)) return { kind: 'already', match: (e) => e.type === 'merged' && (e.reason ?? '').includes(mergedId) };
      return {
        kind: 'act',
        request: {
          to: primary.status,
          set: { mergedCases: [...(primary.mergedCases ?? []), mergedId] },
          event: { type: 'merged', at: deps.now().toISOString(), actor: SYSTEM, reason: `工单${mergedId}与本工单为同一诉求，已并入本工单办理` },
        },
      };
    },
  });
  if (outcome.kind === 'done' && outcome.record.resolution) await showResolutionOn(deps, outcome.record, mergedId);
}

/** After the primary is resolved: its answer, on every case merged into it. */
export async function showResolutionOnMergedCases(deps: WorkDependencies, primary: WorkedCase): Promise<void> {
  for (const mergedId of primary.mergedCases ?? []) await showResolutionOn(deps, primary, mergedId);
}

async function showResolutionOn(deps: WorkDependencies, primary: WorkedCase, mergedId: string): Promise<void> {
  const resolution = primary.resolution;
  if (!resolution) return;
  await runCaseAction(deps, {
    caseId: mergedId,
    actionKey: actionKey('merged-resolution', mergedId, SYSTEM.id, { primary: primary.caseId, round: resolution.round }),
    decide: (record) => {
      if (record.status !== 'merged' || record.mergedInto !== primary.caseId) return refuse(409, 'invalid_state', `${mergedId} is not merged into ${primary.caseId}`);
      return {
        kind: 'act',
        request: {
          to: 'merged',
          set: { resolution },
          // not a 'resolved' event: the work was done (and is counted) once, on the primary
          event: { type: 'progress_noted', at: deps.now().toISOString(), actor: SYSTEM, unit: resolution.by, reason: `合并办理的工单${primary.caseId}已办结，答复：${redactPersonalData(resolution.answer)}` },
        },
      };
    },
  });
}
