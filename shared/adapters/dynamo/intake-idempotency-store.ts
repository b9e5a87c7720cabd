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

  async get(key: string): Promise<IdempotencyRecord | undefined> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: idempotencyKey(key), ConsistentRead: true }));
    if (!result.Item) return undefined;
    const { caseId, requestHash, trackingToken, createdAt } = result.Item as IdempotencyRecord;
    return { caseId, requestHash, trackingToken, createdAt };
  }

  /** Reserve the key for this case. Returns the record that holds the key: ours, or an earlier one. */
  async reserve(key: string, record: IdempotencyRecord): Promise<IdempotencyRecord> {
    const expiresAt = Math.floor(Date.parse(record.createdAt) / 1000) + IDEMPOTENCY_TTL_SECONDS;
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...idempotencyKey(key), ...record, expiresAt },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      return record;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.get(key);
      if (!existing) throw new Error('idempotency record vanished while reserving it');
      return existing;
    }
  }
}
