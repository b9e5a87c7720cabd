// Intake's Idempotency-Key records: the first request with a key reserves a case id under it, so a retry
// (even after a crash half-way through intake) finishes and answers with that same case.
//
// Conditional writes, not Powertools idempotency: Powertools stores the finished response, so a request
// that dies after writing the case but before finishing would, once its in-progress lock expires, run
// again and make a second case. Reserving the case id first makes the retry complete the first attempt.
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { idempotencyKey } from './keys.js';
import { isConditionFailure } from './case-repository.js';

export interface IdempotencyRecord {
  caseId: string;
  /** sha-256 of the request body: the same key with another body is refused */
  requestHash: string;
  /** the tracking token, so a retry can hand it back; expires with the record */
  trackingToken: string;
  createdAt: string;
}

/** How long an Idempotency-Key is remembered. */
export const IDEMPOTENCY_TTL_SECONDS = 24 * 60 * 60;

export class IntakeIdempotencyStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The record holding the key, unless it has expired (DynamoDB's TTL deletes late, dynalite never). */
  async get(key: string, now = new Date()): Promise<IdempotencyRecord | undefined> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: idempotencyKey(key), ConsistentRead: true }));
    if (!result.Item || (result.Item.expiresAt as number) <= Math.floor(now.getTime() / 1000)) return undefined;
    const { caseId, requestHash, trackingToken, createdAt } = result.Item as IdempotencyRecord;
    return { caseId, requestHash, trackingToken, createdAt };
  }

  /** Reserve the key for this case (taking it over if expired). Returns the record that holds the key: ours, or an earlier one. */
  async reserve(key: string, record: IdempotencyRecord): Promise<IdempotencyRecord> {
    const now = Math.floor(Date.parse(record.createdAt) / 1000);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...idempotencyKey(key), ...record, expiresAt: now + IDEMPOTENCY_TTL_SECONDS },
          ConditionExpression: 'attribute_not_exists(PK) OR expiresAt <= :now',
          ExpressionAttributeValues: { ':now': now },
        }),
      );
      return record;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.get(key, new Date(record.createdAt));
      if (!existing) throw new Error('idempotency record vanished while reserving it');
      return existing;
    }
  }
}
