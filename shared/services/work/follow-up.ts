// Follow-up (回访): a call-centre agent, or the caller through the link in their SMS/WeChat message (the
// tracking token), records satisfaction and whether the problem was solved. Satisfied or basically
// satisfied closes the case; dissatisfied reopens it (the same unit the first time, the unit above after
// that) with fresh respond and resolve deadlines. Two writes, each its own event (followed_up, then closed or
// reopened); a repeat or a retry after a crash finishes whichever is missing.
import type { Actor } from '../../domain/timeline.js';
import { deadlinesOnReopen } from '../../domain/deadlines/compute-deadlines.js';
import type { FollowUp, WorkedCase } from '../../domain/work/case-work.js';
import { followUpOutcome, SATISFACTION_NAMES } from '../../domain/work/follow-up.js';
import type { FollowUpRequest } from '../../domain/work/task-requests.js';
import { redactPersonalData } from '../../security/mask.js';
import type { StaffIdentity } from '../../security/staff-identity.js';
import { tokenMatches } from '../../security/tracking-token.js';
import { actionKey, caseNotFound, refuse, runCaseAction, type ActionOutcome } from './run-case-action.js';
import { staffActor } from './staff-unit.js';
import type { WorkDependencies } from './work-dependencies.js';

export type FollowUpBy = { kind: 'agent'; staff: StaffIdentity } | { kind: 'caller'; token: string | undefined };

export interface FollowUpCommand {
  caseId: string;
  body: FollowUpRequest;
  by: FollowUpBy;
  idempotencyKey?: string;
}

function actorOf(by: FollowUpBy, record: WorkedCase): Actor {
  return by.kind === 'agent' ? staffActor(by.staff) : { kind: 'caller', id: 'caller', channel: record.channel };
}

function mayFollowUp(by: FollowUpBy, record: WorkedCase): boolean {
  return by.kind === 'agent' ? by.staff.role === 'agent' : tokenMatches(by.token, record.trackingTokenHash);
}

const sameAnswer = (f: FollowUp, body: FollowUpRequest) => f.satisfaction === body.satisfaction && f.solved === body.solved;

export async function followUp(deps: WorkDependencies, command: FollowUpCommand): Promise<ActionOutcome> {
  const { caseId, body, by } = command;
  const actorId = by.kind === 'agent' ? by.staff.staffId : 'caller';
  const recorded = await runCaseAction(deps, {
    caseId,
    actionKey: actionKey('follow-up', caseId, actorId, body, command.idempotencyKey),
    authorize: (record) => (mayFollowUp(by, record) ? undefined : caseNotFound()),
    decide: (record) => {
      const round = record.resolution?.round ?? 0;
      const earlier = (record.followUps ?? []).find((f) => f.round === round);
      if (earlier) {
        return round > 0 && sameAnswer(earlier, body)
          ? { kind: 'already', match: (e) => e.seq === earlier.seq }
          : refuse(409, 'already_followed_up', 'this resolution was already followed up');
      }
      const isMerged = record.status === 'merged' && record.resolution !== undefined;
      if (record.status !== 'resolved' && !isMerged) return refuse(409, 'invalid_state', `a case is followed up once it is resolved; this one is ${record.status}`);
      const dissatisfiedBefore = (record.followUps ?? []).filter((f) => f.satisfaction === 'dissatisfied').length;
      const outcome = followUpOutcome(body.satisfaction, dissatisfiedBefore, record.owner, record.jurisdiction, deps.district);
      const at = deps.now().toISOString();
      const followUpRecord: FollowUp = {
        round,
        seq: record.version + 1,
        satisfaction: body.satisfaction,
        solved: body.solved,
        ...(body.comment ? { comment: redactPersonalData(body.comment) } : {}),
        by: by.kind,
        at,
        outcome: isMerged ? 'recorded' : outcome.kind === 'close' ? 'closed' : outcome.sameUnit && dissatisfiedBefore === 0 ? 'reopened_same_unit' : 'reopened_above',
      };
      const comment = followUpRecord.comment ? `；${followUpRecord.comment}` : '';
      return {
        kind: 'act',
        request: {
          to: record.status,
          set: { followUps: [...(record.followUps ?? []), followUpRecord] },
          event: {
            type: 'followed_up',
            at,
            actor: actorOf(by, record),
            satisfaction: body.satisfaction,
            solved: body.solved,
            reason: `回访：${SATISFACTION_NAMES[body.satisfaction]}，问题${body.solved ? '已解决' : '未解决'}${comment}`,
          },
        },
      };
    },
  });
  if (recorded.kind !== 'done') return recorded;
  const finished = await settle(deps, recorded.record, by);
  if (!finished) return recorded;
  if (finished.kind !== 'done') return finished;
  return { ...finished, events: [recorded.event, finished.event], replayed: recorded.replayed && finished.replayed };
}

/** The second write: close or reopen, as the follow-up of the current round decided. */
async function settle(deps: WorkDependencies, record: WorkedCase, by: FollowUpBy): Promise<ActionOutcome | undefined> {
  const round = record.resolution?.round ?? 0;
  const current = (record.followUps ?? []).find((f) => f.round === round);
  if (!current || current.outcome === 'recorded') return undefined;
  return runCaseAction(deps, {
    caseId: record.caseId,
    actionKey: actionKey('follow-up-outcome', record.caseId, 'system', { round, seq: current.seq }),
    authorize: (latest) => (mayFollowUp(by, latest) ? undefined : caseNotFound()),
    decide: (latest) => {
      if (latest.status !== 'resolved') return { kind: 'already', match: (e) => e.seq > current.seq && (e.type === 'closed' || e.type === 'reopened') };
      const at = deps.now().toISOString();
      const actor = actorOf(by, latest);
      if (current.outcome === 'closed') {
        return { kind: 'act', request: { to: 'closed', event: { type: 'closed', at, actor, reason: `回访${SATISFACTION_NAMES[current.satisfaction]}，结案` } } };
      }
      const dissatisfiedBefore = (latest.followUps ?? []).filter((f) => f.satisfaction === 'dissatisfied' && f.seq < current.seq).length;
      const outcome = followUpOutcome(current.satisfaction, dissatisfiedBefore, latest.owner, latest.jurisdiction, deps.district);
      if (outcome.kind !== 'reopen') return refuse(409, 'invalid_state', 'the follow-up does not reopen the case');
      const owner = outcome.owner;
      const moved = owner.code !== latest.owner.code;
      return {
        kind: 'act',
        request: {
          to: 'accepted',
          set: { owner, deadlines: deadlinesOnReopen({ ...latest, owner }, new Date(at)) },
          // the unit contacts the caller again; its respond clock restarts
          remove: ['contactedAt'],
          event: {
            type: 'reopened',
            at,
            actor,
            unit: owner,
            reason: moved ? `回访不满意，提级交${owner.name}重办` : `回访不满意，交${owner.name}重办`,
          },
        },
      };
    },
  });
}
