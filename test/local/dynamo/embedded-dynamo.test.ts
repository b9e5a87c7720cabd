// dynalite in this process: data in a data directory survives a restart, in-memory data does not,
// and one data directory cannot be opened twice.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetItemCommand, ListTablesCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmbeddedDynamo, type EmbeddedDynamo } from '../../../infra/local/dynamo/embedded-dynamo.js';
import { localDynamoClient } from '../../../infra/local/dynamo/local-client.js';
import { ensureTable } from '../../../infra/local/dynamo/table-definition.js';
import { testDynamoEngine } from '../../../infra/local/dynamo/test-dynamo.js';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(dataDir?: string): Promise<EmbeddedDynamo> {
  const dynamo = await startEmbeddedDynamo(dataDir ? { dataDir } : {});
  return dynamo;
}

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-dynalite-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const item = { PK: { S: 'CASE#HP-20261123-000001' }, SK: { S: 'CASE' }, content: { S: '小区门口垃圾三天没人清运' } };
const key = { PK: item.PK, SK: item.SK };

describe('startEmbeddedDynamo', () => {
  it('keeps tables and items in the data directory across close and restart', async () => {
    const dataDir = join(tempDir(), 'nested', 'dynamo');

    const first = await start(dataDir);
    const c1 = localDynamoClient(first.endpoint);
    await ensureTable(c1, 'hotline');
    await c1.send(new PutItemCommand({ TableName: 'hotline', Item: item }));
    c1.destroy();
    await first.close();

    const second = await start(dataDir);
    cleanups.push(() => second.close());
    const c2 = localDynamoClient(second.endpoint);
    cleanups.push(() => c2.destroy());
    expect((await c2.send(new ListTablesCommand({}))).TableNames).toEqual(['hotline']);
    const got = await c2.send(new GetItemCommand({ TableName: 'hotline', Key: key }));
    expect(got.Item).toEqual(item);
    await ensureTable(c2, 'hotline'); // existing table with its indexes: fine
  });

  it('keeps nothing without a data directory', async () => {
    const first = await start();
    const c1 = localDynamoClient(first.endpoint);
    await ensureTable(c1, 'hotline');
    c1.destroy();
    await first.close();

    const second = await start();
    cleanups.push(() => second.close());
    const c2 = localDynamoClient(second.endpoint);
    cleanups.push(() => c2.destroy());
    expect((await c2.send(new ListTablesCommand({}))).TableNames).toEqual([]);
  });

  it('refuses a data directory that is already open, and frees it on close', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    await expect(start(dataDir)).rejects.toThrow(/in use by another embedded DynamoDB/);
    await first.close();
    const again = await start(dataDir);
    await again.close();
  });

  it('closes promptly while a client still holds a keep-alive connection', async () => {
    const dynamo = await start();
    const client = localDynamoClient(dynamo.endpoint);
    cleanups.push(() => client.destroy());
    await client.send(new ListTablesCommand({}));
    const started = Date.now();
    await dynamo.close();
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('testDynamoEngine', () => {
  it('reads DYNAMO_ENGINE: dynalite by default, dynamodb-local on request, a typo is an error', () => {
    expect(testDynamoEngine({})).toBe('dynalite');
    expect(testDynamoEngine({ DYNAMO_ENGINE: '' })).toBe('dynalite');
    expect(testDynamoEngine({ DYNAMO_ENGINE: 'dynalite' })).toBe('dynalite');
    expect(testDynamoEngine({ DYNAMO_ENGINE: 'dynamodb-local' })).toBe('dynamodb-local');
    expect(() => testDynamoEngine({ DYNAMO_ENGINE: 'dynamodb_local' })).toThrow(/DYNAMO_ENGINE/);
  });
});
