// The single table as a CreateTable request, built from the shared key schema, and ensureTable(), which
// creates it when it is missing, waits until it and its indexes are ACTIVE, and turns on TTL.
// Used by the local runtime and the tests; the CDK stack declares the same table from the same schema.
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { GSIS, TABLE_KEYS, TTL_ATTRIBUTE } from '../../../shared/adapters/dynamo/table-schema.js';

export function createTableInput(tableName: string): CreateTableCommandInput {
  const keyAttributes = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...GSIS.flatMap((g) => [g.partitionKey, g.sortKey])];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyAttributes.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: GSIS.map((g) => ({
      IndexName: g.indexName,
      KeySchema: [
        { AttributeName: g.partitionKey, KeyType: 'HASH' },
        { AttributeName: g.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}

export interface EnsureTableOptions {
  /** how long to wait for ACTIVE (default 60 s) */
  timeoutMs?: number;
}

/**
 * Creates the table if it is missing, waits until the table and every index are ACTIVE, and enables TTL on
 * `expiresAt`. Safe to call again. An engine without UpdateTimeToLive (dynalite) is tolerated: items then
 * simply never expire there. A table that exists without one of the indexes is an error (old local data).
 */
export async function ensureTable(client: DynamoDBClient, tableName: string, options: EnsureTableOptions = {}): Promise<void> {
  const existing = await describe(client, tableName);
  if (existing) {
    const indexes = new Set((existing.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    const missing = GSIS.filter((g) => !indexes.has(g.indexName)).map((g) => g.indexName);
    if (missing.length > 0) {
      throw new Error(`table ${tableName} exists without the index(es) ${missing.join(', ')}; it was made from an older schema (delete the local data to recreate it)`);
    }
  } else {
    try {
      await client.send(new CreateTableCommand(createTableInput(tableName)));
    } catch (error) {
      if (!(error instanceof ResourceInUseException)) throw error; // someone else is creating it: just wait
    }
  }
  await waitUntilActive(client, tableName, options.timeoutMs ?? 60_000);
  await enableTtl(client, tableName);
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (error) {
    if (error instanceof ResourceNotFoundException) return undefined;
    throw error;
  }
}

async function waitUntilActive(client: DynamoDBClient, tableName: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let delay = 25;
  for (;;) {
    const table = await describe(client, tableName);
    const indexesActive = (table?.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE');
    if (table?.TableStatus === 'ACTIVE' && indexesActive) return;
    if (Date.now() + delay > deadline) {
      throw new Error(`table ${tableName} is not ACTIVE after ${timeoutMs} ms (status ${table?.TableStatus ?? 'missing'})`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 2, 1_000);
  }
}

async function enableTtl(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    if (await ttlIsOn(client, tableName)) return;
    await client.send(
      new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { Enabled: true, AttributeName: TTL_ATTRIBUTE } }),
    );
  } catch (error) {
    if (isUnsupportedOperation(error)) return;
    // "TimeToLive is already enabled": another ensureTable got there between our look and our update.
    if (error instanceof Error && error.name === 'ValidationException' && (await ttlIsOn(client, tableName))) return;
    throw error;
  }
}

async function ttlIsOn(client: DynamoDBClient, tableName: string): Promise<boolean> {
  const current = (await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }))).TimeToLiveDescription;
  const on = current?.TimeToLiveStatus === 'ENABLED' || current?.TimeToLiveStatus === 'ENABLING';
  return on && current?.AttributeName === TTL_ATTRIBUTE;
}

/** dynalite answers operations it does not implement (UpdateTimeToLive) with UnknownOperationException. */
function isUnsupportedOperation(error: unknown): boolean {
  return error instanceof Error && error.name === 'UnknownOperationException';
}
