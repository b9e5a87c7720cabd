// How many items the table holds (a test-only Scan): a rejected request must leave it unchanged.
import { ScanCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

export async function itemCount(client: DynamoDBClient, tableName: string): Promise<number> {
  let count = 0;
  let start: Record<string, never> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, Select: 'COUNT', ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }));
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey as Record<string, never> | undefined;
  } while (start);
  return count;
}
