// The one way the working half changes a case: read it, decide (state, rights, rules), write with a
// conditional update, and answer. A request seen before (same action key) is answered with the event it
// made, without a second write; a write that loses a race to another action is decided again on the new
// state (at most MAX_ATTEMPTS times). Effects outside the case (queue messages, other cases, figures) run
// after the write and again on a replay where they must (they are all safe to repeat). Each event is
// counted in the figures once (count-event.ts), also when the count is finished by a repeat after a crash.
import { createHash } from 'node:crypto';
import type { ActRequest, WorkEvent } from '../../adapters/dynamo/case-work-repository.js';
import { isCaseId } from '../../domain/case-id.js';
import type { WorkedCase } from '../../domain/work/case-work.js';
import { countEvent } from '../count-event.js';
import type { WorkDependencies } from './work-dependencies.js';

const MAX_ATTEMPTS = 3;

export type Refusal = { kind: 'refused'; status: 400 | 403 | 404 | 409; code: string; message: string };
export type ActionOutcome =
  /** `events`: for a request that made several events (a call to several departments), all of them */
  | { kind: 'done'; record: WorkedCase; event: WorkEvent; replayed: boolean; events?: WorkEvent[] }
  | Refusal;

export type Decision =
  | { kind: 'act'; request: Omit<ActRequest, 'actionKey'> }
  /** the outcome the request asks for is already there (e.g. accepted twice): answer with that event */
  | { kind: 'already'; match: (event: WorkEvent) => boolean }
  | Refusal;

export const refuse = (status: Refusal['status'], code: string, message: string): Refusal => ({ kind: 'refused', status, code, message });

export const caseNotFound = (): Refusal => refuse(404, 'case_not_found', 'no such case, or not one your unit may see');

export interface CaseAction {
  caseId: string;
  /** names the request: a repeat with the same key is answered, not applied again */
  actionKey: string;
  /** checked before anything else, a repeat included (a caller's token); staff keys are per account */
  authorize?: (record: WorkedCase) => Refusal | undefined;
  decide: (record: WorkedCase) => Decision | Promise<Decision>;
  /** after the write, and on a replay: effects outside the case item (each safe to repeat) */
  effects?: (record: WorkedCase, event: WorkEvent, replayed: boolean) => Promise<void>;
}

/** A key for a request: its action, case and actor, and either the client's Idempotency-Key or the request itself. */
export function actionKey(action: string, caseId: string, actorId: string, request: unknown, idempotencyKey?: string): string {
  const what = idempotencyKey !== undefined ? `key:${idempotencyKey}` : `body:${JSON.stringify(request ?? null)}`;
  return createHash('sha256').update(`${action}\n${caseId}\n${actorId}\n${what}`).digest('base64url').slice(0, 32);
}

export async function runCaseAction(deps: WorkDependencies, action: CaseAction): Promise<ActionOutcome> {
  if (!isCaseId(action.caseId)) return caseNotFound();
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const record = await deps.work.get(action.caseId);
    if (!record) return caseNotFound();
    const denied = action.authorize?.(record);
    if (denied) return denied;
    if (record.actionKeys?.has(action.actionKey)) {
      const event = await findEvent(deps, record, (e) => e.actionKey === action.actionKey);
      if (event) {
        await action.effects?.(record, event, true);
        // counted once per event: a repeat after a crash before the count finishes it
        await countEvent(deps, record, event);
        return { kind: 'done', record, event, replayed: true };
      }
    }
    const decision = await action.decide(record);
    if (decision.kind === 'refused') return decision;
    if (decision.kind === 'already') {
      const event = await findEvent(deps, record, decision.match);
      if (!event) return refuse(409, 'invalid_state', `the case is ${record.status}`);
      await action.effects?.(record, event, true);
      return { kind: 'done', record, event, replayed: true };
    }
    // the previous action's event, if a crash kept it from its own item (a no-op otherwise)
    await deps.cases.repairTimeline(record);
    const now = deps.now().toISOString();
    const result = await deps.work.act(record, { ...decision.request, actionKey: action.actionKey }, now);
    if (!result.ok) continue;
    await action.effects?.(result.record, result.event, false);
    await countEvent(deps, result.record, result.event);
    return { kind: 'done', record: result.record, event: result.event, replayed: false };
  }
  return refuse(409, 'conflict', 'the case kept changing while this request was applied; read it again and retry');
}

/** The latest event of the case that matches. */
async function findEvent(deps: WorkDependencies, record: WorkedCase, match: (event: WorkEvent) => boolean): Promise<WorkEvent | undefined> {
  const events = (await deps.cases.timeline(record.caseId, record.lastEvent)) as WorkEvent[];
  for (let i = events.length - 1; i >= 0; i--) if (match(events[i]!)) return events[i];
  return undefined;
}
