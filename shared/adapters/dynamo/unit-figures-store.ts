// Per-unit daily figures, kept by atomic counters as cases move, so a supervisor's query reads
// units × days items, never the cases themselves.
import { paginateQuery, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UnitLevel } from '../../domain/case.js';
import { figuresKey, levelDayIndexKeys } from './keys.js';

export type FigureName = 'received';

export interface UnitDayFigures {
  unitCode: string;
  unitName: string;
  level: UnitLevel;
  date: string;
  received: number;
}

export class UnitFiguresStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async increment(unit: { code: string; name: string; level: UnitLevel }, date: string, figure: FigureName): Promise<void> {
    const { GSI3PK, GSI3SK } = levelDayIndexKeys(unit.level, date, unit.code);
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: figuresKey(unit.code, date),
        UpdateExpression: 'ADD #figure :one SET unitCode = :code, unitName = :name, #level = :level, #date = :date, GSI3PK = :gsi3pk, GSI3SK = :gsi3sk',
        ExpressionAttributeNames: { '#figure': figure, '#level': 'level', '#date': 'date' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':code': unit.code,
          ':name': unit.name,
          ':level': unit.level,
          ':date': date,
          ':gsi3pk': GSI3PK,
          ':gsi3sk': GSI3SK,
        },
      }),
    );
  }

  /** Every unit of a level, for the days from..to (YYYY-MM-DD, inclusive). */
  async forLevel(level: UnitLevel, from: string, to: string): Promise<UnitDayFigures[]> {
    const rows: UnitDayFigures[] = [];
    const pages = paginateQuery(
      { client: this.db },
      {
        TableName: this.tableName,
        IndexName: 'byLevelDay',
        KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': `FIGURES#${level}`, ':from': `${from}#`, ':to': `${to}#\uffff` },
      },
    );
    for await (const page of pages) {
      for (const item of page.Items ?? []) {
        rows.push({ unitCode: item.unitCode, unitName: item.unitName, level: item.level, date: item.date, received: item.received ?? 0 });
      }
    }
    return rows;
  }
}
