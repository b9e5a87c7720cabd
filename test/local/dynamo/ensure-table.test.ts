// ensureTable() on the test engine (dynalite by default, DynamoDB Local with DYNAMO_ENGINE=dynamodb-local):
// the table and its three indexes as the shared schema says, idempotent, and the indexes really answer queries.
import {
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  ListTablesCommand,
  PutItemCommand,
  QueryCommand,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableInput, ensureTable } from '../../../infra/local/dynamo/table-definition.js';
import { localDynamoClient, startTestDynamo, type TestDynamo } from '../../../infra/local/dynamo/test-dynamo.js';
import { GSIS, TTL_ATTRIBUTE } from '../../../shared/adapters/dynamo/table-schema.js';

let dynamo: TestDynamo;
let client: DynamoDBClient;

beforeAll(async () => {
  dynamo = await startTestDynamo();
  client = localDynamoClient(dynamo.endpoint);
});

afterAll(async () => {
  client?.destroy();
  await dynamo?.close();
});

describe('createTableInput', () => {
  it('declares PK/SK and every GSI key as strings, on demand, with ALL projections', () => {
    const input = createTableInput('t');
    expect(input.BillingMode).toBe('PAY_PER_REQUEST');
    expect(input.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    expect(input.AttributeDefinitions?.map((a) => `${a.AttributeName}:${a.AttributeType}`).sort()).toEqual(
      ['GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'PK', 'SK'].map((n) => `${n}:S`),
    );
    expect(input.GlobalSecondaryIndexes).toHaveLength(3);
    for (const index of input.GlobalSecondaryIndexes ?? []) expect(index.Projection).toEqual({ ProjectionType: 'ALL' });
    expect(input.GlobalSecondaryIndexes?.some((i) => 'ProvisionedThroughput' in i)).toBe(false);
  });
});

describe(`ensureTable`, () => {
  it('creates the table with its three GSIs, ACTIVE', async () => {
    await ensureTable(client, 'cases-a');
    const table = (await client.send(new DescribeTableCommand({ TableName: 'cases-a' }))).Table!;
    expect(table.TableStatus).toBe('ACTIVE');
    expect(table.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.KeySchema).toEqual([
      { AttributeName: 'PK', KeyType: 'HASH' },
      { AttributeName: 'SK', KeyType: 'RANGE' },
    ]);
    const indexes = (table.GlobalSecondaryIndexes ?? []).map((i) => ({
      name: i.IndexName,
      keys: i.KeySchema?.map((k) => `${k.AttributeName}:${k.KeyType}`),
      projection: i.Projection?.ProjectionType,
      status: i.IndexStatus,
    }));
    expect(indexes.sort((a, b) => a.name!.localeCompare(b.name!))).toEqual(
      GSIS.map((g) => ({ name: g.indexName, keys: [`${g.partitionKey}:HASH`, `${g.sortKey}:RANGE`], projection: 'ALL', status: 'ACTIVE' })).sort(
        (a, b) => a.name.localeCompare(b.name),
      ),
    );
  });

  it('is idempotent: a second call leaves the table and its data as they were', async () => {
    await ensureTable(client, 'cases-b');
    await client.send(new PutItemCommand({ TableName: 'cases-b', Item: { PK: { S: 'CASE#1' }, SK: { S: 'CASE' } } }));
    await ensureTable(client, 'cases-b');
    await Promise.all([ensureTable(client, 'cases-c'), ensureTable(client, 'cases-c')]);
    const tables = (await client.send(new ListTablesCommand({}))).TableNames ?? [];
    expect(tables.filter((t) => t.startsWith('cases-b') || t.startsWith('cases-c'))).toEqual(['cases-b', 'cases-c']);
    const found = await client.send(
      new QueryCommand({ TableName: 'cases-b', KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': { S: 'CASE#1' } } }),
    );
    expect(found.Count).toBe(1);
  });

  it('turns TTL on expiresAt on where the engine supports it', async () => {
    await ensureTable(client, 'cases-ttl');
    await ensureTable(client, 'cases-ttl'); // already on: must not fail with "TTL is already enabled"
    const ttl = (await client.send(new DescribeTimeToLiveCommand({ TableName: 'cases-ttl' }))).TimeToLiveDescription;
    if (dynamo.engine === 'dynamodb-local') {
      expect(ttl).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: TTL_ATTRIBUTE });
    } else {
      expect(ttl?.TimeToLiveStatus).toBe('DISABLED'); // dynalite has no UpdateTimeToLive; ensureTable tolerates that
    }
  });

  it('builds indexes that answer queries: a unit\'s open cases by deadline (byOwner)', async () => {
    await ensureTable(client, 'cases-q');
    const put = (caseId: string, deadline: string) =>
      client.send(
        new PutItemCommand({
          TableName: 'cases-q',
          Item: { PK: { S: `CASE#${caseId}` }, SK: { S: 'CASE' }, GSI1PK: { S: 'OWNER#HP-DS' }, GSI1SK: { S: `${deadline}#${caseId}` } },
        }),
      );
    await put('HP-2', '2026-11-25T09:00:00Z');
    await put('HP-1', '2026-11-24T09:00:00Z');
    await client.send(new PutItemCommand({ TableName: 'cases-q', Item: { PK: { S: 'CASE#HP-3' }, SK: { S: 'CASE' } } })); // closed: no GSI1 keys
    const open = await client.send(
      new QueryCommand({
        TableName: 'cases-q',
        IndexName: 'byOwner',
        KeyConditionExpression: 'GSI1PK = :owner',
        ExpressionAttributeValues: { ':owner': { S: 'OWNER#HP-DS' } },
      }),
    );
    expect(open.Items?.map((i) => i.PK?.S)).toEqual(['CASE#HP-1', 'CASE#HP-2']);
  });

  it('refuses a table left over from a schema without the indexes', async () => {
    const { GlobalSecondaryIndexes: _omit, ...bare } = createTableInput('cases-old');
    const { CreateTableCommand } = await import('@aws-sdk/client-dynamodb');
    await client.send(
      new CreateTableCommand({ ...bare, AttributeDefinitions: bare.AttributeDefinitions?.filter((a) => a.AttributeName === 'PK' || a.AttributeName === 'SK') }),
    );
    await expect(ensureTable(client, 'cases-old')).rejects.toThrow(/byOwner, byDue, byLevelDay/);
  });
});
