// A department's open calls for support (呼), for its work list: one item per call under the case's
// partition (CASE#<caseId> / CALL#<department>), indexed in byOwner under CALLS#<department> by the answer
// deadline. The case item holds the truth (supportCalls); these items are a copy for the department's
// list, written after the case and safe to write again. An answered call leaves the index.
import { paginateQuery, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DepartmentSupportCallMessage } from '../../messages.js';
import { supportCallKey, supportCallsPartition } from './keys.js';

/** What the department's list shows of a call: the message it was sent, nothing more. */
export type SupportCallListing = DepartmentSupportCallMessage;

export class SupportCallStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async open(call: SupportCallListing): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.tableName,
        Item: {
          ...supportCallKey(call.caseId, call.department),
          itemType: 'support-call',
          ...call,
          GSI1PK: supportCallsPartition(call.department),
          GSI1SK: `${call.answerBy}#${call.caseId}`,
        },
      }),
    );
  }

  /** Take an answered call off the department's list (the item stays, with when it was answered). */
  async close(caseId: string, departmentCode: string, answeredAt: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: supportCallKey(caseId, departmentCode),
        UpdateExpression: 'SET answeredAt = :at REMOVE GSI1PK, GSI1SK',
        ExpressionAttributeValues: { ':at': answeredAt },
      }),
    );
  }

  /** The department's open calls, the nearest answer deadline first, at most `limit`. */
  async openCallsOf(departmentCode: string, limit: number): Promise<SupportCallListing[]> {
    const found: SupportCallListing[] = [];
    const pages = paginateQuery(
      { client: this.db, pageSize: Math.min(limit, 100) },
      {
        TableName: this.tableName,
        IndexName: 'byOwner',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': supportCallsPartition(departmentCode) },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const { PK: _pk, SK: _sk, GSI1PK: _g1, GSI1SK: _g1s, itemType: _t, ...call } = item;
        found.push(call as SupportCallListing);
        if (found.length >= limit) return found;
      }
    }
    return found;
  }
}
