// Where the cases a load run created are now: read back by id (BatchGetItem, 100 at a time; no Scan), so a
// lost case (answered 201 but not stored) or one still in transit shows.
import { BatchGetCommand, paginateScan, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export const AT_REST = ['assigned', 'dispatched_to_department', 'triage_street', 'triage_district'];

export interface Census {
  stored: number;
  missing: string[];
  byStatus: Record<string, number>;
  atRest: number;
}

export async function censusOf(db: DynamoDBDocumentClient, tableName: string, caseIds: string[]): Promise<Census> {
  const census: Census = { stored: 0, missing: [], byStatus: {}, atRest: 0 };
  for (let i = 0; i < caseIds.length; i += 100) {
    let keys: Array<Record<string, string>> = caseIds.slice(i, i + 100).map((id) => ({ PK: `CASE#${id}`, SK: 'CASE' }));
    const found = new Set<string>();
    while (keys.length > 0) {
      const out = await db.send(new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true, ProjectionExpression: 'caseId, #s', ExpressionAttributeNames: { '#s': 'status' } } } }));
      for (const item of out.Responses?.[tableName] ?? []) {
        found.add(item.caseId as string);
        const status = item.status as string;
        census.byStatus[status] = (census.byStatus[status] ?? 0) + 1;
        if (AT_REST.includes(status)) census.atRest += 1;
      }
      keys = (out.UnprocessedKeys?.[tableName]?.Keys as Array<Record<string, string>> | undefined) ?? [];
    }
    for (const id of caseIds.slice(i, i + 100)) if (!found.has(id)) census.missing.push(id);
  }
  census.stored = caseIds.length - census.missing.length;
  return census;
}

/**
 * Every case in the table, answered or not (a request that timed out may still have stored its case): a
 * Scan, which only this load tool on a local runtime does — never a request path.
 */
export async function allCases(db: DynamoDBDocumentClient, tableName: string): Promise<{ stored: number; atRest: number }> {
  const result = { stored: 0, atRest: 0 };
  for await (const page of paginateScan({ client: db }, { TableName: tableName, FilterExpression: 'SK = :case', ExpressionAttributeValues: { ':case': 'CASE' }, ProjectionExpression: '#s', ExpressionAttributeNames: { '#s': 'status' }, ConsistentRead: true })) {
    for (const item of page.Items ?? []) {
      result.stored += 1;
      if (AT_REST.includes(item.status as string)) result.atRest += 1;
    }
  }
  return result;
}
