// The day's case numbers: an atomic counter per Beijing calendar day.
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { sequenceKey } from './keys.js';

export class CaseNumberSequence {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The next number of the day (1, 2, 3 …). Numbers are never reused; a failed intake leaves a gap. */
  async next(dayKey: string): Promise<number> {
    const result = await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: sequenceKey(dayKey),
        UpdateExpression: 'ADD #n :one',
        ExpressionAttributeNames: { '#n': 'value' },
        ExpressionAttributeValues: { ':one': 1 },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    const value = result.Attributes?.value;
    if (typeof value !== 'number') throw new Error('case number counter returned no value');
    return value;
  }
}
