// Recent cases by place and category (RECENT#<place>#<category> / <createdAt>#<caseId>), kept for the
// duplicate window and the hot-spot window and then dropped by the table's TTL. Written by the repeated-
// request sweep, one item per case, so finding a new case's look-alikes is one Query, never a Scan.
import { PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RecentCase } from '../../domain/work/duplicates.js';
import { recentCasePartition } from './keys.js';

/** How many recent cases of one place and category a look reads at most. */
const MAX_RECENT = 200;

export class RecentCaseIndex {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Remember the case until `keepUntil` (a second put of the same case changes nothing). */
  async put(recent: RecentCase, keepUntil: Date): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { PK: recentCasePartition(recent.place, recent.category), SK: `${recent.createdAt}#${recent.caseId}`, ...recent, expiresAt: Math.ceil(keepUntil.getTime() / 1000) },
      }),
    );
  }

  /** The cases of the place and category taken in since `since` (ISO), newest first. */
  async since(place: string, category: string, since: string): Promise<RecentCase[]> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND SK >= :since',
        ExpressionAttributeValues: { ':pk': recentCasePartition(place, category), ':since': since },
        ScanIndexForward: false,
        Limit: MAX_RECENT,
      }),
    );
    return (page.Items ?? []).map(({ PK: _pk, SK: _sk, expiresAt: _e, ...item }) => item as RecentCase);
  }
}
