// Hot-spot alerts (未诉先办) for supervisors: ALERTS#<unit> / HOT#<community>#<category>, one item per
// community and category, kept under the street and the district so each reads its own with one Query.
// The item is written again (not incremented) each time the sweep counts the window, so a repeated sweep
// writes the same thing; `raisedAt` keeps the first time.
import { QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UnitRef } from '../../domain/case.js';
import { hotspotAlertKey } from './keys.js';

export interface HotspotAlert {
  community: UnitRef;
  street: UnitRef | null;
  category: { code: string; name: string };
  /** cases in the window when last counted */
  count: number;
  windowDays: number;
  firstCaseAt: string;
  lastCaseAt: string;
  /** the window's cases, newest first (at most 20) */
  caseIds: string[];
  raisedAt: string;
  updatedAt: string;
}

export class HotspotAlertStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async put(unitCodes: readonly string[], alert: Omit<HotspotAlert, 'raisedAt'>, keepUntil: Date): Promise<void> {
    const fields: Record<string, unknown> = { ...alert, expiresAt: Math.ceil(keepUntil.getTime() / 1000) };
    const names = Object.fromEntries(Object.keys(fields).map((k) => [`#${k}`, k]));
    const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [`:${k}`, v]));
    const sets = Object.keys(fields).map((k) => `#${k} = :${k}`);
    await Promise.all(
      unitCodes.map((unit) =>
        this.db.send(
          new UpdateCommand({
            TableName: this.tableName,
            Key: hotspotAlertKey(unit, alert.community.code, alert.category.code),
            UpdateExpression: `SET ${sets.join(', ')}, raisedAt = if_not_exists(raisedAt, :updatedAt)`,
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        ),
      ),
    );
  }

  /** The unit's alerts (at most `limit`). */
  async of(unitCode: string, limit = 100): Promise<HotspotAlert[]> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :hot)',
        ExpressionAttributeValues: { ':pk': `ALERTS#${unitCode}`, ':hot': 'HOT#' },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map(({ PK: _pk, SK: _sk, expiresAt: _e, ...item }) => item as HotspotAlert);
  }
}
