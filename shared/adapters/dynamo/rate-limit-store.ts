// Fixed-window counters for the intake rate limit: one item per caller pseudonym and window
// (`RATE#<key>` / `W#<window start>`), counted by a conditional ADD that refuses once the limit is reached —
// so a refused request writes nothing — and deleted by TTL two windows later.
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionFailure } from './case-repository.js';

export class RateLimitStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Counts one request in the window; false (nothing written) if the window already holds `limit`. */
  async take(key: string, windowStart: number, windowSeconds: number, limit: number): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: { PK: `RATE#${key}`, SK: `W#${windowStart}` },
          UpdateExpression: 'ADD #n :one SET expiresAt = :expires',
          ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
          ExpressionAttributeNames: { '#n': 'requests' },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':expires': windowStart + 2 * windowSeconds },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return false;
    }
  }
}
