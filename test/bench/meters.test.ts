// The cost benchmark's meters against the real local engines: dynalite reports the table's consumed
// capacity (so the middleware has something to add up), the index meter sees dynalite's index updates, and
// the SQS meter counts what the local endpoint answers, leaving out the benchmark's own probes.
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localSqsClient, probeSqsClient } from '../../bench/load/probe-client.js';
import { capacityBetween, DynamoCapacityMeter, itemKind } from '../../bench/meter/dynamo-capacity.js';
import { DynaliteIndexWriteMeter, indexWritesBetween } from '../../bench/meter/dynalite-index-writes.js';
import { billableRequestsBetween, SqsRequestMeter } from '../../bench/meter/sqs-requests.js';
import { startEmbeddedDynamo, type EmbeddedDynamo } from '../../infra/local/dynamo/embedded-dynamo.js';
import { localDynamoClient } from '../../infra/local/dynamo/local-client.js';
import { ensureTable } from '../../infra/local/dynamo/table-definition.js';
import { startSqsServer, type SqsServer } from '../../infra/local/sqs/server.js';

const TABLE = 'meters';
let dynamo: EmbeddedDynamo;
let db: DynamoDBDocumentClient;
const meter = new DynamoCapacityMeter();
const indexes = new DynaliteIndexWriteMeter();

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
  const client = localDynamoClient(dynamo.endpoint);
  await ensureTable(client, TABLE);
  meter.attach(client);
  db = DynamoDBDocumentClient.from(client);
  indexes.start();
});
afterAll(async () => {
  indexes.stop();
  db?.destroy();
  await dynamo?.close();
});

const caseItem = (owner: string, padding = '') => ({ PK: 'CASE#HP-1', SK: 'CASE', GSI1PK: `OWNER#${owner}`, GSI1SK: '2026-11-24T00:00:00Z#HP-1', GSI2PK: 'TRANSIT#0', GSI2SK: '2026-11-24T00:05:00Z#HP-1', status: 'received', padding });

describe('DynamoCapacityMeter on dynalite', () => {
  it('adds up the capacity each call reports, by operation and item kind, and counts refused conditional writes', async () => {
    const before = meter.snapshot();
    await db.send(new PutCommand({ TableName: TABLE, Item: caseItem('a', 'x'.repeat(1500)) })); // ~1.6 KB: 2 WCU
    await db.send(new GetCommand({ TableName: TABLE, Key: { PK: 'CASE#HP-1', SK: 'CASE' }, ConsistentRead: true })); // 1 RCU
    await db.send(new GetCommand({ TableName: TABLE, Key: { PK: 'CASE#HP-1', SK: 'CASE' } })); // eventually consistent: 0.5
    await expect(db.send(new PutCommand({ TableName: TABLE, Item: caseItem('a'), ConditionExpression: 'attribute_not_exists(PK)' }))).rejects.toThrow();
    const used = capacityBetween(before, meter.snapshot());
    expect(meter.unreported).toBe(0);
    expect(used.byOperation.PutItem).toEqual({ calls: 2, capacityUnits: 2, conditionFailures: 1 });
    expect(used.readUnits).toBe(1.5);
    expect(used.writeUnits).toBe(3); // 2 reported + 1 for the refused write
    expect(used.writesByItemKind).toEqual({ 'CASE/CASE': 2 });
  });

  it('names the kind of item from its keys, marshalled or not', () => {
    expect(itemKind({ Key: { PK: 'CASE#HP-1', SK: 'EVT#000003' } })).toBe('CASE/EVT');
    expect(itemKind({ Item: { PK: { S: 'UNIT#440112' }, SK: { S: 'DAY#2026-11-24' } } })).toBe('UNIT/DAY');
    expect(itemKind({ Key: { PK: 'RECENT#440112001001', SK: '2026-11-23T16:26:44.233Z|HP-1' } })).toBe('RECENT/*');
    expect(itemKind({ TableName: 't' })).toBeUndefined();
  });
});

describe('DynaliteIndexWriteMeter', () => {
  it('counts index writes by the GSI rules as dynalite updates its indexes (projection ALL), and what KEYS_ONLY would take', async () => {
    await db.send(new PutCommand({ TableName: TABLE, Item: { PK: 'CASE#HP-2', SK: 'CASE', GSI1PK: 'OWNER#a', GSI1SK: 's#HP-2', GSI2PK: 'TRANSIT#1', GSI2SK: 't#HP-2', status: 'received' } }));
    const before = indexes.snapshot();
    // the owner changes (a byOwner key: delete + put), byDue keys stay but the item changed (one write)
    await db.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { PK: 'CASE#HP-2', SK: 'CASE' },
        UpdateExpression: 'SET GSI1PK = :owner, #status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':owner': 'OWNER#b', ':status': 'dispatched_to_street' },
      }),
    );
    const used = indexWritesBetween(before, indexes.snapshot());
    expect(used.byIndex).toEqual({ byOwner: 2, byDue: 1 });
    expect(used.writeUnits).toBe(3);
    expect(used.keysOnlyByIndex).toEqual({ byOwner: 2 }); // byDue: keys unchanged, nothing to write
  });
});

describe('SqsRequestMeter', () => {
  let server: SqsServer;
  beforeAll(async () => {
    server = await startSqsServer({ port: 0 });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('counts requests by operation, tells receives with messages from empty ones, and leaves out probes', async () => {
    const sqs = new SqsRequestMeter(server.port);
    sqs.start();
    const client = localSqsClient(server.url);
    const probe = probeSqsClient(server.url);
    try {
      const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: 'meter-test' }));
      const before = sqs.snapshot();
      for (let i = 0; i < 3; i++) await client.send(new SendMessageCommand({ QueueUrl, MessageBody: `{"n":${i}}` }));
      const got = await client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
      expect(got.Messages).toHaveLength(3);
      await client.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
      await probe.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['All'] }));
      const after = sqs.snapshot();
      expect(after.byOperation).toEqual({ CreateQueue: 1, SendMessage: 3, ReceiveMessage: 2 });
      expect(after.receivesWithMessages).toBe(1);
      expect(after.messagesReceived).toBe(3);
      expect(billableRequestsBetween(before, after)).toEqual({ requests: 4, byOperation: { SendMessage: 3, ReceiveMessage: 2 }, emptyReceives: 1 });
    } finally {
      sqs.stop();
      client.destroy();
      probe.destroy();
    }
  });
});
