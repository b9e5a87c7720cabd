// Where a sweep over the cases in intake order has got to: the Beijing day (YYYYMMDD) and the last case
// number of that day it finished. One item per sweep.
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { duplicateSweepCursorKey } from './keys.js';

export interface SweepCursor {
  day: string;
  number: number;
}

export class SweepCursorStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async get(): Promise<SweepCursor | undefined> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: duplicateSweepCursorKey(), ConsistentRead: true }));
    return result.Item ? { day: result.Item.day as string, number: result.Item.number as number } : undefined;
  }

  async save(cursor: SweepCursor): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...duplicateSweepCursorKey(), ...cursor } }));
  }
}

