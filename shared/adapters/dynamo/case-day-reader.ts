// Reading cases by the day they were taken in, without a Scan: case ids are `HP-<Beijing day>-<number>`
// and the day's counter (SEQ#<yyyymmdd>) says how many numbers were given out, so a day's cases are known
// keys, read with BatchGetItem (100 keys a call). Used by Open311's GET /requests, newest first.
import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { WorkedCase } from '../../domain/work/case-work.js';
import { caseKey, sequenceKey } from './keys.js';

const BATCH = 100;
const MAX_TRIES = 5;

export class CaseDayReader {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** How many case numbers the Beijing day (YYYYMMDD) gave out (0 if none). */
  async numbersGiven(dayKey: string): Promise<number> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: sequenceKey(dayKey) }));
    const value = result.Item?.value;
    return typeof value === 'number' ? value : 0;
  }

  /** The cases with these ids that exist, in the order asked (numbers given out but never stored are skipped). */
  async getMany(caseIds: readonly string[]): Promise<WorkedCase[]> {
    const found = new Map<string, WorkedCase>();
    for (let i = 0; i < caseIds.length; i += BATCH) {
      let keys: Array<Record<string, unknown>> = caseIds.slice(i, i + BATCH).map((id) => caseKey(id));
      for (let attempt = 0; keys.length > 0; attempt++) {
        if (attempt === MAX_TRIES) throw new Error(`BatchGetItem left ${keys.length} keys unprocessed after ${MAX_TRIES} tries`);
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt));
        const result = await this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys } } }));
        for (const item of result.Responses?.[this.tableName] ?? []) {
          const { PK: _pk, SK: _sk, GSI1PK: _a, GSI1SK: _b, GSI2PK: _c, GSI2SK: _d, ...record } = item;
          found.set(record.caseId as string, record as unknown as WorkedCase);
        }
        keys = result.UnprocessedKeys?.[this.tableName]?.Keys ?? [];
      }
    }
    return caseIds.flatMap((id) => found.get(id) ?? []);
  }
}
