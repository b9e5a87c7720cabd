// Staff corrections of classifications, kept as training data: one item per correction under a partition per
// Beijing month (CORRECTIONS#<yyyy-mm> / <correctedAt>#<caseId>#<seq, 6 digits>), so exporting a month is one
// Query on its partition, never a Scan. The item holds masked text only (correction.ts); it is written after
// the case's 'reclassified' event and is safe to write again (a repeat changes nothing).
import { paginateQuery, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { correctionMonth, type ClassificationCorrection } from '../../domain/classification/correction.js';
import { isConditionFailure } from './case-repository.js';

export const correctionsPartition = (month: string) => `CORRECTIONS#${month}`;

export const correctionKey = (c: Pick<ClassificationCorrection, 'caseId' | 'seq' | 'correctedAt'>) => ({
  PK: correctionsPartition(correctionMonth(c.correctedAt)),
  SK: `${c.correctedAt}#${c.caseId}#${String(c.seq).padStart(6, '0')}`,
});

export class ClassificationCorrectionStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(correction: ClassificationCorrection): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...correctionKey(correction), itemType: 'classification-correction', ...correction },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** Every correction filed in a Beijing month (yyyy-mm), oldest first. */
  async inMonth(month: string): Promise<ClassificationCorrection[]> {
    if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`month must be yyyy-mm, got ${month}`);
    const found: ClassificationCorrection[] = [];
    const pages = paginateQuery(
      { client: this.db, pageSize: 200 },
      { TableName: this.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': correctionsPartition(month) } },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        const { PK: _pk, SK: _sk, itemType: _t, ...correction } = item;
        found.push(correction as ClassificationCorrection);
      }
    }
    return found;
  }
}
