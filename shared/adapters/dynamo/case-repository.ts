// Cases and their timelines in DynamoDB. Every write is a single-item conditional write (no transactions,
// so the same code runs on dynalite): a state change is allowed only from the status and version it was
// decided on, and each timeline event is put once under its sequence number.
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, paginateQuery, PutCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { canTransition, type CaseStatus } from '../../domain/case-status.js';
import type { CaseRecord } from '../../domain/case-record.js';
import type { TimelineEvent } from '../../domain/timeline.js';
import { DEFAULT_STALL_AFTER_MS, nextWatch, transitWatch, type Watch, type Watched } from '../../domain/case-watch.js';
import { DUE_SHARDS } from './table-schema.js';
import { personalDataMarker } from './personal-data-marker.js';
import { caseKey, EVENT_SK_PREFIX, eventKey, ownerIndexKeys, ownerPartition, watchIndexKeys, watchPartition } from './keys.js';

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'expiresAt'] as const;

export function isConditionFailure(error: unknown): boolean {
  return error instanceof ConditionalCheckFailedException || (error as { name?: string })?.name === 'ConditionalCheckFailedException';
}

function withoutKeys<T>(item: Record<string, unknown>): T {
  const copy = { ...item };
  for (const key of KEY_ATTRIBUTES) delete copy[key];
  return copy as T;
}

type Indexed = Pick<CaseRecord, 'caseId' | 'owner' | 'deadlines' | 'status' | 'updatedAt' | 'transitResends' | 'classification' | 'sla'>;

export type TransitionResult = { ok: true; record: CaseRecord } | { ok: false; current: CaseRecord | undefined };

export interface TransitionRequest {
  to: CaseStatus;
  /** fields of the case that change with this step */
  changes: Partial<Pick<CaseRecord, 'jurisdiction' | 'owner' | 'deadlines' | 'classification'>>;
  /** the event, without seq (it gets the next version) and without status (it gets `to`) */
  event: Omit<TimelineEvent, 'seq' | 'status'>;
}

export class CaseRepository {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** how long a case may sit in transit before the stall sweep sends its message again */
    private readonly stallAfterMs = DEFAULT_STALL_AFTER_MS,
  ) {}

  /** When the sweeps must look at this case next, by this table's stall time (null: no sweep needs to). */
  watchOf(record: Watched): Watch | null {
    return nextWatch(record, this.stallAfterMs);
  }

  /** The index keys that put a case on its owner's work list and in the sweeps' watch index. */
  private indexKeysFor(record: Indexed) {
    return {
      ...ownerIndexKeys(record.owner.code, record.deadlines.acceptBy, record.caseId),
      ...watchIndexKeys(this.watchOf(record), record.caseId),
    };
  }

  /**
   * Put a new case and its first events. The events go first: a crash before the case is written leaves
   * only events under an id nobody holds (a retry writes the same ones again), never a case without them.
   * Returns false if the case already existed (nothing overwritten).
   */
  async create(record: CaseRecord, events: TimelineEvent[]): Promise<boolean> {
    for (const event of events) await this.putEvent(record.caseId, event);
    // the retention sweep's marker (personal-data-marker.ts), before the case so no case is ever without one
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: personalDataMarker(record) }));
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...caseKey(record.caseId), ...this.indexKeysFor(record), ...record },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return false;
    }
  }

  async get(caseId: string): Promise<CaseRecord | undefined> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: caseKey(caseId), ConsistentRead: true }));
    return result.Item ? withoutKeys<CaseRecord>(result.Item) : undefined;
  }

  /**
   * Move a case from the status and version it was read at (`current`) to the next status. Fails, changing
   * nothing, if anyone moved it meanwhile. On success the timeline event is written too; if the process dies
   * between the two writes, the event stays on the case as `lastEvent` and `repairTimeline` writes it later.
   */
  async transition(current: CaseRecord, request: TransitionRequest, now: string): Promise<TransitionResult> {
    const { caseId } = current;
    if (!canTransition(current.status, request.to)) {
      throw new Error(`illegal transition ${current.status} → ${request.to} for ${caseId}`);
    }
    const seq = current.version + 1;
    const event: TimelineEvent = { ...request.event, seq, status: request.to };
    const names: Record<string, string> = { '#status': 'status', '#version': 'version' };
    const values: Record<string, unknown> = { ':from': current.status, ':to': request.to, ':v': current.version, ':next': seq, ':now': now, ':event': event };
    const sets = ['#status = :to', '#version = :next', 'updatedAt = :now', 'lastEvent = :event'];
    for (const [field, value] of Object.entries(request.changes)) {
      names[`#${field}`] = field;
      values[`:${field}`] = value;
      sets.push(`#${field} = :${field}`);
    }
    const indexKeys = this.indexKeysFor({ ...current, ...request.changes, status: request.to, updatedAt: now, transitResends: 0 });
    const removes = ['transitResends'];
    for (const [attribute, value] of Object.entries(indexKeys)) {
      if (value === undefined) {
        removes.push(attribute);
        continue;
      }
      values[`:${attribute}`] = value;
      sets.push(`${attribute} = :${attribute}`);
    }
    try {
      const result = await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: caseKey(caseId),
          UpdateExpression: `SET ${sets.join(', ')} REMOVE ${removes.join(', ')}`,
          ConditionExpression: 'attribute_exists(PK) AND #status = :from AND #version = :v',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValues: 'ALL_NEW',
        }),
      );
      await this.putEvent(caseId, event);
      return { ok: true, record: withoutKeys<CaseRecord>(result.Attributes ?? {}) };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return { ok: false, current: await this.get(caseId) };
    }
  }

  /** Write an event once: a second put of the same seq changes nothing. */
  async putEvent(caseId: string, event: TimelineEvent): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...eventKey(caseId, event.seq), ...event },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** After a crash between a state change and its event: write the event the case says it has. */
  async repairTimeline(record: CaseRecord): Promise<void> {
    await this.putEvent(record.caseId, record.lastEvent);
  }

  /** The case's events in order. Includes the case's last event even if its own item was never written. */
  async timeline(caseId: string, lastEvent?: TimelineEvent): Promise<TimelineEvent[]> {
    const events: TimelineEvent[] = [];
    const pages = paginateQuery(
      { client: this.db },
      {
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':pk': caseKey(caseId).PK, ':prefix': EVENT_SK_PREFIX },
        ConsistentRead: true,
      },
    );
    for await (const page of pages) for (const item of page.Items ?? []) events.push(withoutKeys<TimelineEvent>(item));
    if (lastEvent && !events.some((e) => e.seq === lastEvent.seq)) {
      events.push(lastEvent);
      events.sort((a, b) => a.seq - b.seq);
    }
    return events;
  }

  /** A unit's open cases, the nearest deadline first (the byOwner index). */
  async openCasesOf(unitCode: string, limit = 50): Promise<CaseRecord[]> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'byOwner',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': ownerPartition(unitCode) },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => withoutKeys<CaseRecord>(item));
  }

  /** Cases in transit whose next look is due (the byDue index's TRANSIT# partitions), oldest first per shard. */
  async dueInTransit(now: string, limitPerShard = 100): Promise<CaseRecord[]> {
    const found: CaseRecord[] = [];
    for (let shard = 0; shard < DUE_SHARDS; shard++) {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'byDue',
          KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :upper',
          ExpressionAttributeValues: { ':pk': watchPartition('transit', shard), ':upper': `${now}#\uffff` },
          Limit: limitPerShard,
        }),
      );
      for (const item of page.Items ?? []) found.push(withoutKeys<CaseRecord>(item));
    }
    return found;
  }

  /**
   * Record that the stall sweep re-sent the current hop's message: the next look backs off, or the case is
   * marked stuck. Only if the case is still at the status and version the sweep read.
   */
  async markResent(record: CaseRecord): Promise<{ ok: boolean; watch: Watch }> {
    const resends = (record.transitResends ?? 0) + 1;
    const watch = transitWatch({ ...record, transitResends: resends }, this.stallAfterMs);
    const keys = watchIndexKeys(watch, record.caseId);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: caseKey(record.caseId),
          UpdateExpression: 'SET transitResends = :n, GSI2PK = :pk, GSI2SK = :sk',
          ConditionExpression: '#status = :status AND #version = :v',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
          ExpressionAttributeValues: { ':n': resends, ':pk': keys.GSI2PK, ':sk': keys.GSI2SK, ':status': record.status, ':v': record.version },
        }),
      );
      return { ok: true, watch };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return { ok: false, watch };
    }
  }

  /**
   * Put the case in the byDue index at its next look (or take it out), if it is still at the version read.
   * For the overdue sweep, after a look that found nothing to do (e.g. the caller was contacted meanwhile).
   */
  async reschedule(record: CaseRecord): Promise<boolean> {
    const keys = watchIndexKeys(this.watchOf(record), record.caseId);
    const values: Record<string, unknown> = { ':v': record.version };
    let update = 'REMOVE GSI2PK, GSI2SK';
    if (keys.GSI2PK !== undefined) {
      update = 'SET GSI2PK = :pk, GSI2SK = :sk';
      values[':pk'] = keys.GSI2PK;
      values[':sk'] = keys.GSI2SK;
    }
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: caseKey(record.caseId),
          UpdateExpression: update,
          ConditionExpression: 'attribute_exists(PK) AND #version = :v',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: values,
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return false;
    }
  }
}
