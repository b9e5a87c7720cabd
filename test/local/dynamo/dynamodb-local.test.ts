// AWS's DynamoDB Local (Java): it starts here, takes the table with its indexes and TTL, and stops on close.
// Skipped only where there is no `java` on PATH.
import { spawnSync } from 'node:child_process';
import { DescribeTableCommand, DescribeTimeToLiveCommand, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { startDynamoDbLocal } from '../../../infra/local/dynamo/dynamodb-local.js';
import { localDynamoClient } from '../../../infra/local/dynamo/local-client.js';
import { ensureTable } from '../../../infra/local/dynamo/table-definition.js';

const hasJava = !spawnSync('java', ['-version'], { stdio: 'ignore' }).error;

describe('startDynamoDbLocal', () => {
  it.skipIf(!hasJava)('starts, creates the table with its three GSIs and TTL, and is gone after close', async () => {
    const started = Date.now();
    const ddb = await startDynamoDbLocal();
    const startupMs = Date.now() - started;
    console.log(`[dynamodb-local] answered after ${startupMs} ms on ${ddb.endpoint}`);
    const client = localDynamoClient(ddb.endpoint);
    try {
      await ensureTable(client, 'hotline');
      await ensureTable(client, 'hotline');
      const table = (await client.send(new DescribeTableCommand({ TableName: 'hotline' }))).Table!;
      expect(table.TableStatus).toBe('ACTIVE');
      expect(table.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['byDue', 'byLevelDay', 'byOwner']);
      expect(table.GlobalSecondaryIndexes?.every((i) => i.Projection?.ProjectionType === 'ALL')).toBe(true);
      const ttl = (await client.send(new DescribeTimeToLiveCommand({ TableName: 'hotline' }))).TimeToLiveDescription;
      expect(ttl).toEqual({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expiresAt' });

      // sharedDb: a client signing with other credentials and region sees the same tables
      const other = localDynamoClient(ddb.endpoint, { region: 'ap-east-1', credentials: { accessKeyId: 'other', secretAccessKey: 'other' } });
      expect((await other.send(new ListTablesCommand({}))).TableNames).toEqual(['hotline']);
      other.destroy();
    } finally {
      client.destroy();
      await ddb.close();
    }
    const after = localDynamoClient(ddb.endpoint, { maxAttempts: 1 });
    await expect(after.send(new ListTablesCommand({}))).rejects.toThrow();
    after.destroy();
  });
});
