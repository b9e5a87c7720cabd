// The overdue sweep's view of the byDue index (GSI2, DUE#<shard> partitions, sorted by when to look), and
// deadlines watched apart from a case's own clocks.
//
// A case's own clocks (accept, respond, resolve) and its open calls for support (supportCalls on the case)
// need no watch call: every write of the case puts it in DUE#<shard> at its next sweep step
// (shared/domain/case-watch.ts → deadlines/sweep-plan.ts). `watch()` adds a separate watch item for a deadline
// the case item does not show (or as a belt-and-braces second trigger): the sweep reads the case when the
// item is due and decides from the case alone, so a duplicate trigger does nothing twice. `unwatch()`
// deletes it. `due()` reads only the DUE# partitions up to a time: Query, never Scan.
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UnitLevel, UnitRef } from '../../domain/case.js';
import type { DeadlineKind } from '../../domain/deadlines/deadline-kind.js';
import { DUE_SHARDS } from './table-schema.js';
import { caseKey, deadlineWatchKey, dueShard, watchPartition } from './keys.js';

export interface DeadlineWatch {
  caseId: string;
  kind: DeadlineKind;
  /** the unit that must meet the deadline (a department for a support answer) */
  unit: UnitRef & { level: UnitLevel };
  /** the deadline, ISO-8601 UTC */
  dueAt: string;
  /** tells apart several deadlines of one kind on a case (support-answer: the department code) */
  key?: string;
  /** when the sweep should first look (default: the deadline itself) */
  lookAt?: string;
}

/** What the sweep finds due: a case (its own clocks) or a separate watch item. */
export type DueEntry = { source: 'case'; caseId: string; at: string } | { source: 'watch'; caseId: string; at: string; watch: DeadlineWatch };

export interface DueQueryStats {
  /** items read from the index */
  items: number;
}

const DEFAULT_KEY = '-';

export class DeadlineWatchStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Watch a deadline (put again to move it: the same caseId/kind/key is one item). */
  async watch(watch: DeadlineWatch): Promise<void> {
    const key = watch.key ?? DEFAULT_KEY;
    const lookAt = watch.lookAt ?? watch.dueAt;
    if (Number.isNaN(Date.parse(watch.dueAt)) || Number.isNaN(Date.parse(lookAt))) throw new Error('watch: dueAt and lookAt must be ISO-8601 instants');
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...deadlineWatchKey(watch.caseId, watch.kind, key),
          itemType: 'deadline-watch',
          ...watch,
          key,
          lookAt,
          GSI2PK: watchPartition('deadline', dueShard(watch.caseId)),
          GSI2SK: `${lookAt}#${watch.caseId}#${watch.kind}#${key}`,
        },
      }),
    );
  }

  async unwatch(watch: { caseId: string; kind: DeadlineKind; key?: string }): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.tableName, Key: deadlineWatchKey(watch.caseId, watch.kind, watch.key ?? DEFAULT_KEY) }));
  }

  /** The watch item as stored now (a consistent read), or undefined if it was unwatched. */
  async get(caseId: string, kind: DeadlineKind, key?: string): Promise<DeadlineWatch | undefined> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: deadlineWatchKey(caseId, kind, key ?? DEFAULT_KEY), ConsistentRead: true }));
    return result.Item ? toWatch(result.Item) : undefined;
  }

  /**
   * Everything in the DUE# partitions whose look time is at or before `until`, earliest first per shard,
   * at most `limitPerShard` per shard (the rest waits for the next run).
   */
  async due(until: string, limitPerShard = 100, stats?: DueQueryStats): Promise<DueEntry[]> {
    const entries: DueEntry[] = [];
    const pages = await Promise.all(
      Array.from({ length: DUE_SHARDS }, (_, shard) =>
        this.db.send(
          new QueryCommand({
            TableName: this.tableName,
            IndexName: 'byDue',
            KeyConditionExpression: 'GSI2PK = :pk AND GSI2SK <= :upper',
            ExpressionAttributeValues: { ':pk': watchPartition('deadline', shard), ':upper': `${until}#\uffff` },
            ProjectionExpression: 'PK, SK, GSI2SK, caseId, kind, #unit, dueAt, #key, lookAt',
            ExpressionAttributeNames: { '#unit': 'unit', '#key': 'key' },
            Limit: limitPerShard,
          }),
        ),
      ),
    );
    for (const page of pages) {
      if (stats) stats.items += page.Items?.length ?? 0;
      for (const item of page.Items ?? []) {
        const at = String(item.GSI2SK).split('#')[0]!;
        if (item.SK === caseKey('').SK) entries.push({ source: 'case', caseId: item.caseId as string, at });
        else entries.push({ source: 'watch', caseId: item.caseId as string, at, watch: toWatch(item) });
      }
    }
    return entries;
  }
}

function toWatch(item: Record<string, unknown>): DeadlineWatch {
  const key = item.key as string | undefined;
  return {
    caseId: item.caseId as string,
    kind: item.kind as DeadlineKind,
    unit: item.unit as DeadlineWatch['unit'],
    dueAt: item.dueAt as string,
    ...(key && key !== DEFAULT_KEY ? { key } : {}),
    ...(item.lookAt ? { lookAt: item.lookAt as string } : {}),
  };
}
