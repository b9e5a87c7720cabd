// "Overdue now" (超期在办) per unit: one item per unit holding the set of its cases that are past a deadline.
// Adding and removing a case id from a set are idempotent, so duplicate or repeated sweeps cannot drift the
// count; the count is the set's size. A level's boards are one Query (byLevelDay index, OVERDUE#<level>),
// so "overdue now" for every street costs one item per street, whatever the number of cases.
import { GetCommand, paginateQuery, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UnitLevel } from '../../domain/case.js';
import type { FigureUnit } from '../../domain/figures/accountable-units.js';
import { overdueBoardKey, overdueLevelIndexKeys } from './keys.js';

export interface OverdueBoard {
  unitCode: string;
  unitName: string;
  level: UnitLevel;
  caseIds: string[];
}

function toBoard(item: Record<string, unknown>): OverdueBoard {
  const cases = item.cases as Set<string> | undefined;
  return { unitCode: item.unitCode as string, unitName: item.unitName as string, level: item.level as UnitLevel, caseIds: cases ? [...cases].sort() : [] };
}

export class OverdueBoardStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Puts the case on each unit's board (no-op where it already is). */
  async mark(units: readonly FigureUnit[], caseId: string): Promise<void> {
    await Promise.all(
      units.map((unit) => {
        const index = overdueLevelIndexKeys(unit.level, unit.code);
        return this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: overdueBoardKey(unit.code),
            UpdateExpression: 'ADD cases :ids SET unitCode = :code, unitName = :name, #level = :level, GSI3PK = :pk, GSI3SK = :sk',
            ExpressionAttributeNames: { '#level': 'level' },
            ExpressionAttributeValues: { ':ids': new Set([caseId]), ':code': unit.code, ':name': unit.name, ':level': unit.level, ':pk': index.GSI3PK, ':sk': index.GSI3SK },
          }),
        );
      }),
    );
  }

  /** Takes the case off each unit's board (no-op where it is not). */
  async clear(unitCodes: readonly string[], caseId: string): Promise<void> {
    await Promise.all(
      unitCodes.map((code) =>
        this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: overdueBoardKey(code),
            UpdateExpression: 'DELETE cases :ids',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':ids': new Set([caseId]) },
          }),
        ).catch((error: unknown) => {
          if ((error as { name?: string }).name !== 'ConditionalCheckFailedException') throw error;
        }),
      ),
    );
  }

  async forUnit(unitCode: string): Promise<OverdueBoard | undefined> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: overdueBoardKey(unitCode), ConsistentRead: true }));
    return result.Item ? toBoard(result.Item) : undefined;
  }

  /** Every board of a level (units that never had an overdue case have none). */
  async forLevel(level: UnitLevel, stats?: { items: number }): Promise<OverdueBoard[]> {
    const boards: OverdueBoard[] = [];
    const pages = paginateQuery(
      { client: this.db },
      { TableName: this.tableName, IndexName: 'byLevelDay', KeyConditionExpression: 'GSI3PK = :pk', ExpressionAttributeValues: { ':pk': overdueLevelIndexKeys(level, '').GSI3PK } },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) boards.push(toBoard(item));
      if (stats) stats.items += page.Items?.length ?? 0;
    }
    return boards;
  }
}
