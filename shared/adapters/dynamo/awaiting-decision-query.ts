// The cases waiting for a person's decision at a unit (district triage, street triage, disputes): a
// Query on the byOwner index (a triage or disputed case is owned by the district or the street that must
// decide), filtered on status, nearest deadline first. No Scan. Paged with an opaque cursor: the index
// keys of the last case returned.
import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { CaseRecord } from '../../domain/case-record.js';
import type { CaseStatus } from '../../domain/case-status.js';
import { ownerPartition } from './keys.js';

const KEY_ATTRIBUTES = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'expiresAt'] as const;
const CURSOR_KEYS = ['PK', 'SK', 'GSI1PK', 'GSI1SK'] as const;
/** pages read per request at most: a unit with a long open list answers with a cursor rather than slowly */
const MAX_PAGES = 10;

export class InvalidCursorError extends Error {
  constructor() {
    super('the cursor is not one this API gave');
    this.name = 'InvalidCursorError';
  }
}

export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(CURSOR_KEYS.map((k) => key[k]))).toString('base64url');
}

export function decodeCursor(cursor: string, unitCode: string): Record<string, string> {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(values) || values.length !== CURSOR_KEYS.length || !values.every((v) => typeof v === 'string' && v.length <= 200)) throw new InvalidCursorError();
  const key = Object.fromEntries(CURSOR_KEYS.map((k, i) => [k, values[i] as string]));
  if (key.GSI1PK !== ownerPartition(unitCode)) throw new InvalidCursorError();
  return key;
}

export class AwaitingDecisionQuery {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** The unit's cases in one of the statuses, nearest deadline first; `next` when there may be more. */
  async casesAwaiting(unitCode: string, statuses: readonly CaseStatus[], limit: number, cursor?: string): Promise<{ cases: CaseRecord[]; next?: string }> {
    const found: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined = cursor ? decodeCursor(cursor, unitCode) : undefined;
    const values: Record<string, unknown> = { ':pk': ownerPartition(unitCode) };
    statuses.forEach((s, i) => (values[`:s${i}`] = s));
    let leftInPage = false;
    for (let page = 0; page < MAX_PAGES && found.length < limit; page++) {
      const result = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: 'byOwner',
          KeyConditionExpression: 'GSI1PK = :pk',
          FilterExpression: `#status IN (${statuses.map((_, i) => `:s${i}`).join(', ')})`,
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: values,
          Limit: Math.max(limit * 2, 25),
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      const items = result.Items ?? [];
      const room = limit - found.length;
      found.push(...items.slice(0, room));
      leftInPage = items.length > room;
      start = result.LastEvaluatedKey;
      if (!start) break;
    }
    // at the limit: go on after the last case returned; short of it: after everything read so far
    const last = found.at(-1);
    const next = found.length === limit && last && (leftInPage || start) ? encodeCursor(last) : found.length < limit && start ? encodeCursor(start) : undefined;
    return { cases: found.map(withoutKeys), ...(next ? { next } : {}) };
  }
}

function withoutKeys(item: Record<string, unknown>): CaseRecord {
  const copy = { ...item };
  for (const key of KEY_ATTRIBUTES) delete copy[key];
  return copy as unknown as CaseRecord;
}
