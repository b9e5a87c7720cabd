// Per-unit daily figures, kept by atomic counters as cases move, so a supervisor's query reads
// units × days items, never the cases themselves. Which event adds what is decided in one place
// (shared/domain/figures/event-figures.ts, applied once per event by shared/services/count-event.ts).
import { paginateQuery, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UnitLevel } from '../../domain/case.js';
import type { FigureUnit } from '../../domain/figures/accountable-units.js';
import { FIGURE_FIELDS, type FigureCounts } from '../../domain/figures/figure-names.js';
import { isConditionFailure } from './case-repository.js';
import { figuresKey, levelDayIndexKeys } from './keys.js';

export type FigureName = 'received';

export interface UnitDayFigures {
  unitCode: string;
  unitName: string;
  level: UnitLevel;
  date: string;
  /** the day's received count (also in counts; kept for callers that read it directly) */
  received: number;
  /** every counter and histogram bucket of the day (absent ones are 0) */
  counts: Record<string, number>;
}

export interface ReadStats {
  /** items the query returned (what a supervisor's question costs) */
  items: number;
}

const SAFE_FIELD = /^[A-Za-z][A-Za-z0-9_]*$/;

/** The attribute that marks an event's counts as added to a unit-day item ("counted#<caseId>#<seq>"). */
function tagAttribute(tag: string): string {
  return `counted#${tag}`;
}

function toRow(item: Record<string, unknown>): UnitDayFigures {
  const counts: Record<string, number> = {};
  for (const field of FIGURE_FIELDS) {
    const value = item[field];
    if (typeof value === 'number' && value !== 0) counts[field] = value;
  }
  return { unitCode: item.unitCode as string, unitName: item.unitName as string, level: item.level as UnitLevel, date: item.date as string, received: counts.received ?? 0, counts };
}

export class UnitFiguresStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * Adds the counts to the unit's day in one atomic update (creating the day's item if needed). With a tag
   * (one per counted event), the update happens at most once per tag: it also writes the tag onto the item and
   * is conditional on the tag's absence, so a retry after a crash adds nothing twice. `untag` removes the tag
   * once the event's marker says it is done (counted-event-ledger.ts).
   */
  async add(unit: FigureUnit, date: string, counts: FigureCounts, tag?: string): Promise<void> {
    const entries = Object.entries(counts).filter(([, value]) => value);
    if (entries.length === 0) return;
    const { GSI3PK, GSI3SK } = levelDayIndexKeys(unit.level, date, unit.code);
    const names: Record<string, string> = { '#level': 'level', '#date': 'date' };
    const values: Record<string, unknown> = { ':code': unit.code, ':name': unit.name, ':level': unit.level, ':date': date, ':gsi3pk': GSI3PK, ':gsi3sk': GSI3SK };
    const adds: string[] = [];
    entries.forEach(([field, value], i) => {
      if (!SAFE_FIELD.test(field)) throw new Error(`bad figure name ${field}`);
      names[`#f${i}`] = field;
      values[`:v${i}`] = value;
      adds.push(`#f${i} :v${i}`);
    });
    const sets = ['unitCode = :code', 'unitName = :name', '#level = :level', '#date = :date', 'GSI3PK = :gsi3pk', 'GSI3SK = :gsi3sk'];
    if (tag !== undefined) {
      names['#tag'] = tagAttribute(tag);
      values[':tagged'] = true;
      sets.push('#tag = :tagged');
    }
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: figuresKey(unit.code, date),
          UpdateExpression: `ADD ${adds.join(', ')} SET ${sets.join(', ')}`,
          ...(tag !== undefined ? { ConditionExpression: 'attribute_not_exists(#tag)' } : {}),
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        }),
      );
    } catch (error) {
      // the tag is there: this event's counts were added to this unit-day before
      if (tag === undefined || !isConditionFailure(error)) throw error;
    }
  }

  /** Removes an event's tag from the unit's day (after the event is marked counted). */
  async untag(unit: FigureUnit, date: string, tag: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: figuresKey(unit.code, date),
        UpdateExpression: 'REMOVE #tag',
        ConditionExpression: 'attribute_exists(PK)',
        ExpressionAttributeNames: { '#tag': tagAttribute(tag) },
      }),
    ).catch((error: unknown) => {
      if (!isConditionFailure(error)) throw error;
    });
  }

  /** @deprecated count through shared/services/count-event.ts; kept for callers not yet moved */
  async increment(unit: { code: string; name: string; level: UnitLevel }, date: string, figure: FigureName): Promise<void> {
    await this.add(unit, date, { [figure]: 1 });
  }

  /** Every unit of a level, for the days from..to (YYYY-MM-DD, inclusive): one item per unit-day that had any figure. */
  async forLevel(level: UnitLevel, from: string, to: string, stats?: ReadStats): Promise<UnitDayFigures[]> {
    return this.query(
      {
        IndexName: 'byLevelDay',
        KeyConditionExpression: 'GSI3PK = :pk AND GSI3SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': `FIGURES#${level}`, ':from': `${from}#`, ':to': `${to}#\uffff` },
      },
      stats,
    );
  }

  /** One unit's days from..to (inclusive), oldest first. */
  async forUnit(unitCode: string, from: string, to: string, stats?: ReadStats): Promise<UnitDayFigures[]> {
    return this.query(
      {
        KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
        ExpressionAttributeValues: { ':pk': figuresKey(unitCode, from).PK, ':from': figuresKey(unitCode, from).SK, ':to': figuresKey(unitCode, to).SK },
      },
      stats,
    );
  }

  private async query(input: { IndexName?: string; KeyConditionExpression: string; ExpressionAttributeValues: Record<string, unknown> }, stats?: ReadStats): Promise<UnitDayFigures[]> {
    const rows: UnitDayFigures[] = [];
    const pages = paginateQuery({ client: this.db }, { TableName: this.tableName, ...input });
    for await (const page of pages) {
      for (const item of page.Items ?? []) rows.push(toRow(item));
      if (stats) stats.items += page.Items?.length ?? 0;
    }
    return rows;
  }
}
