// The working half's writes to a case (签收, 联系, 进展, 办结, 退单, 延期, 呼应, 回访, 合并): each is one
// conditional UpdateItem on the case item, allowed only from the status and version the action was decided
// on, that stores the action's event as `lastEvent` and remembers the action's key; then the event item is
// put once, as CaseRepository.transition does (a crash in between is repaired by repairTimeline).
//
// An action may keep the case's status (a note, a contact, a call for support): the version still grows by
// one, so every event has its own seq. The owner's work-list key (byOwner) follows the deadline the unit
// works to now; cases waiting for routing, for a follow-up or finished leave the work list, and finished
// cases leave the sweeps' index (byDue) as well.
import { paginateQuery, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { canTransition, type CaseStatus } from '../../domain/case-status.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import type { DuplicateCandidate, WorkedCase } from '../../domain/work/case-work.js';
import { FINISHED, OFF_WORK_LIST, workDeadline } from '../../domain/work/task-rules.js';
import { caseKey, ownerIndexKeys, ownerPartition, watchIndexKeys } from './keys.js';
import { isConditionFailure, type CaseRepository } from './case-repository.js';

/** Fields an event of the working half may carry besides TimelineEvent's (read by the figures). */
export interface WorkEventFields {
  satisfaction?: string;
  solved?: boolean;
  approved?: boolean;
  /** the hash of the request that made this event (never shown) */
  actionKey?: string;
}

export type WorkEvent = TimelineEvent & WorkEventFields;

export interface ActRequest {
  /** the status after the action: the current one for an action that changes none */
  to: CaseStatus;
  /** top-level attributes of the case to set (owner, deadlines, resolution …) */
  set?: Partial<WorkedCase>;
  /** top-level attributes to remove */
  remove?: Array<keyof WorkedCase>;
  event: Omit<WorkEvent, 'seq' | 'status'>;
  /** the hash that names the request: kept on the case so that a repeat is recognised */
  actionKey?: string;
}

export type ActResult = { ok: true; record: WorkedCase; event: WorkEvent } | { ok: false; current: WorkedCase | undefined };

const NEVER_SET = new Set(['PK', 'SK', 'caseId', 'status', 'version', 'updatedAt', 'lastEvent', 'actionKeys', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK']);

function stripKeys(item: Record<string, unknown>): WorkedCase {
  const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g1s, GSI2PK: _g2, GSI2SK: _g2s, GSI3PK: _g3, GSI3SK: _g3s, ...record } = item;
  return record as unknown as WorkedCase;
}

export class CaseWorkRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly cases: CaseRepository,
  ) {}

  async get(caseId: string): Promise<WorkedCase | undefined> {
    return (await this.cases.get(caseId)) as WorkedCase | undefined;
  }

  /**
   * A unit's open cases in the given statuses, the nearest work deadline first (the byOwner index), at most
   * `limit`, reading at most `maxItems` index entries (cases in transit through the unit are skipped).
   */
  async workListOf(unitCode: string, statuses: readonly string[], limit: number, maxItems = 500): Promise<WorkedCase[]> {
    const found: WorkedCase[] = [];
    let read = 0;
    const pages = paginateQuery(
      { client: this.db, pageSize: Math.min(100, maxItems) },
      {
        TableName: this.tableName,
        IndexName: 'byOwner',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': ownerPartition(unitCode) },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        read++;
        if (statuses.includes(item.status as string)) found.push(stripKeys(item));
        if (found.length >= limit) return found;
      }
      if (read >= maxItems) break;
    }
    return found;
  }

  /**
   * Record the cases this one may repeat (a proposal for staff: no state change, no event, no version).
   * Only on a case that exists; a later proposal replaces an earlier one.
   */
  async proposeDuplicates(caseId: string, candidates: DuplicateCandidate[]): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: caseKey(caseId),
          UpdateExpression: 'SET duplicateCandidates = :c',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: { ':c': candidates },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** Apply one action to the case as read (`current`); fails, changing nothing, if anyone moved it meanwhile. */
  async act(current: WorkedCase, request: ActRequest, now: string): Promise<ActResult> {
    const { caseId } = current;
    if (request.to !== current.status && !canTransition(current.status, request.to)) {
      throw new Error(`illegal transition ${current.status} → ${request.to} for ${caseId}`);
    }
    const seq = current.version + 1;
    const event: WorkEvent = { ...request.event, seq, status: request.to, ...(request.actionKey ? { actionKey: request.actionKey } : {}) };
    const names: Record<string, string> = { '#status': 'status', '#version': 'version' };
    const values: Record<string, unknown> = { ':from': current.status, ':to': request.to, ':v': current.version, ':next': seq, ':now': now, ':event': event };
    const sets = ['#status = :to', '#version = :next', 'updatedAt = :now', 'lastEvent = :event'];
    const removes: string[] = [];
    for (const [field, value] of Object.entries(request.set ?? {})) {
      if (NEVER_SET.has(field)) throw new Error(`act may not set ${field}`);
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
    for (const field of request.remove ?? []) {
      if (NEVER_SET.has(field)) throw new Error(`act may not remove ${field}`);
      names[`#${field}`] = field;
      removes.push(`#${field}`);
    }
    const after = { ...current, ...request.set, status: request.to, updatedAt: now, transitResends: 0 } as WorkedCase;
    for (const [attribute, value] of Object.entries(this.indexKeys(after))) {
      if (value === undefined) {
        removes.push(attribute);
      } else {
        values[`:${attribute}`] = value;
        sets.push(`${attribute} = :${attribute}`);
      }
    }
    removes.push('transitResends');
    let update = `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}`;
    if (request.actionKey) {
      values[':actionKey'] = new Set([request.actionKey]);
      update += ' ADD actionKeys :actionKey';
    }
    try {
      const result = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: caseKey(caseId),
          UpdateExpression: update,
          ConditionExpression: 'attribute_exists(PK) AND #status = :from AND #version = :v',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      await this.cases.putEvent(caseId, event);
      return { ok: true, record: stripKeys(result.Attributes ?? {}), event };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return { ok: false, current: await this.get(caseId) };
    }
  }

  /** The work-list and watch keys of the case after an action (undefined: remove the attribute). */
  private indexKeys(record: WorkedCase): Record<'GSI1PK' | 'GSI1SK' | 'GSI2PK' | 'GSI2SK', string | undefined> {
    const owner = OFF_WORK_LIST.includes(record.status)
      ? { GSI1PK: undefined, GSI1SK: undefined }
      : ownerIndexKeys(record.owner.code, workDeadline(record.status, record.deadlines, record.contactedAt !== undefined), record.caseId);
    // the sweeps decide when they must look (null: never again without someone acting)
    const watch = FINISHED.includes(record.status) ? null : this.cases.watchOf(record);
    return { ...owner, ...watchIndexKeys(watch, record.caseId) };
  }
}
