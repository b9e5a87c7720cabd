// The local SQS endpoint, driven by the real @aws-sdk/client-sqs: queue management, messages, visibility,
// redrive, long polling, errors in the form the SDK understands, and persistence across restarts.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ChangeMessageVisibilityBatchCommand,
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  DeleteMessageCommand,
  DeleteQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListQueuesCommand,
  PurgeQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { md5Hex } from '../../../infra/local/sqs/md5.js';
import { clientFor, rejectionOf, sleep, startLocal, type Local } from './support.js';

let local: Local;
let client: SQSClient;
let counter = 0;
const uniqueName = (base: string) => `${base}-${++counter}`;

async function createQueue(name: string, attributes: Record<string, string> = {}): Promise<string> {
  const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
  return QueueUrl!;
}

async function counts(queueUrl: string) {
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
    }),
  );
  return {
    visible: Number(Attributes?.ApproximateNumberOfMessages),
    inflight: Number(Attributes?.ApproximateNumberOfMessagesNotVisible),
    delayed: Number(Attributes?.ApproximateNumberOfMessagesDelayed),
  };
}

beforeAll(async () => {
  local = await startLocal();
  client = local.client;
});

afterAll(async () => {
  await local.stop();
});

describe('queues', () => {
  it('creates idempotently, gets URLs, lists by prefix and deletes', async () => {
    const url = await createQueue('orders-a', { VisibilityTimeout: '5' });
    expect(url).toBe(`${local.server.url}/000000000000/orders-a`);
    expect(local.server.queueUrl('orders-a')).toBe(url);
    expect(await createQueue('orders-a', { VisibilityTimeout: '5' })).toBe(url);
    await createQueue('orders-b');
    await createQueue('other-c');

    const { QueueUrl } = await client.send(new GetQueueUrlCommand({ QueueName: 'orders-b' }));
    expect(QueueUrl).toBe(local.server.queueUrl('orders-b'));

    const listed = await client.send(new ListQueuesCommand({ QueueNamePrefix: 'orders-' }));
    expect(listed.QueueUrls).toEqual([url, local.server.queueUrl('orders-b')]);
    const paged = await client.send(new ListQueuesCommand({ QueueNamePrefix: 'orders-', MaxResults: 1 }));
    expect(paged.QueueUrls).toEqual([url]);
    const next = await client.send(new ListQueuesCommand({ QueueNamePrefix: 'orders-', MaxResults: 1, NextToken: paged.NextToken }));
    expect(next.QueueUrls).toEqual([local.server.queueUrl('orders-b')]);
    expect(next.NextToken).toBeUndefined();

    const conflict = await rejectionOf(createQueue('orders-a', { VisibilityTimeout: '6' }));
    expect(conflict.name).toBe('QueueNameExists');

    await client.send(new DeleteQueueCommand({ QueueUrl: url }));
    const gone = await rejectionOf(client.send(new GetQueueUrlCommand({ QueueName: 'orders-a' })));
    expect(gone.name).toBe('QueueDoesNotExist');
  });

  it('reports, sets and validates attributes', async () => {
    const dlq = await createQueue(uniqueName('attrs-dlq'));
    const url = await createQueue(uniqueName('attrs'), {
      VisibilityTimeout: '7',
      MessageRetentionPeriod: '600',
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `arn:aws:sqs:us-east-1:000000000000:${dlq.split('/').pop()}`, maxReceiveCount: '3' }),
    });
    const before = Math.floor(Date.now() / 1000);
    const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }));
    expect(Attributes).toMatchObject({
      VisibilityTimeout: '7',
      MessageRetentionPeriod: '600',
      DelaySeconds: '0',
      QueueArn: `arn:aws:sqs:us-east-1:000000000000:${url.split('/').pop()}`,
      ApproximateNumberOfMessages: '0',
      ApproximateNumberOfMessagesNotVisible: '0',
      ApproximateNumberOfMessagesDelayed: '0',
    });
    expect(JSON.parse(Attributes!.RedrivePolicy!)).toEqual({
      deadLetterTargetArn: `arn:aws:sqs:us-east-1:000000000000:${dlq.split('/').pop()}`,
      maxReceiveCount: 3,
    });
    expect(Math.abs(Number(Attributes!.CreatedTimestamp) - before)).toBeLessThanOrEqual(2);

    await client.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { VisibilityTimeout: '9', DelaySeconds: '2' } }));
    const only = await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['VisibilityTimeout', 'DelaySeconds'] }));
    expect(only.Attributes).toEqual({ VisibilityTimeout: '9', DelaySeconds: '2' });

    const bad = await rejectionOf(client.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { VisibilityTimeout: '50000' } })));
    expect(bad.name).toBe('InvalidAttributeValue');
    const unknown = await rejectionOf(client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['Colour' as 'All'] })));
    expect(unknown.name).toBe('InvalidAttributeName');
    const noDlq = await rejectionOf(
      createQueue(uniqueName('attrs-x'), { RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:missing', maxReceiveCount: 2 }) }),
    );
    expect(noDlq.name).toBe('InvalidAttributeValue');
  });
});

describe('messages', () => {
  it('round-trips a message with attributes; the SDK accepts the MD5s', async () => {
    const url = await createQueue(uniqueName('roundtrip'));
    const body = JSON.stringify({ caseId: 'HP-20261123-000001', note: '路灯不亮 🚧' });
    const sent = await client.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: body,
        MessageAttributes: {
          traceId: { DataType: 'String', StringValue: 'abc-123' },
          priority: { DataType: 'Number', StringValue: '2' },
          blob: { DataType: 'Binary', BinaryValue: new Uint8Array([0, 1, 2, 255]) },
        },
      }),
    );
    expect(sent.MessageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sent.MD5OfMessageBody).toBe(md5Hex(body));
    expect(sent.MD5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);

    const { Messages } = await client.send(
      new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['All'], MessageAttributeNames: ['All'] }),
    );
    expect(Messages).toHaveLength(1);
    const [message] = Messages!;
    expect(message!.MessageId).toBe(sent.MessageId);
    expect(message!.Body).toBe(body);
    expect(message!.MD5OfBody).toBe(sent.MD5OfMessageBody);
    expect(message!.MD5OfMessageAttributes).toBe(sent.MD5OfMessageAttributes);
    expect(message!.MessageAttributes?.traceId).toEqual({ DataType: 'String', StringValue: 'abc-123' });
    expect([...(message!.MessageAttributes?.blob?.BinaryValue ?? [])]).toEqual([0, 1, 2, 255]);
    expect(message!.Attributes).toMatchObject({ ApproximateReceiveCount: '1', SenderId: 'local' });
    expect(Math.abs(Number(message!.Attributes?.SentTimestamp) - Date.now())).toBeLessThan(5000);
    expect(Number(message!.Attributes?.ApproximateFirstReceiveTimestamp)).toBeGreaterThanOrEqual(Number(message!.Attributes?.SentTimestamp));

    expect(await counts(url)).toEqual({ visible: 0, inflight: 1, delayed: 0 });
    await client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: message!.ReceiptHandle }));
    expect(await counts(url)).toEqual({ visible: 0, inflight: 0, delayed: 0 });
  });

  it('returns only the attributes asked for, and none when not asked', async () => {
    const url = await createQueue(uniqueName('filter'));
    await client.send(
      new SendMessageCommand({
        QueueUrl: url,
        MessageBody: 'x',
        MessageAttributes: { 'case.id': { DataType: 'String', StringValue: '1' }, other: { DataType: 'String', StringValue: '2' } },
      }),
    );
    const plain = await client.send(new ReceiveMessageCommand({ QueueUrl: url, VisibilityTimeout: 0 }));
    expect(plain.Messages![0]!.MessageAttributes).toBeUndefined();
    expect(plain.Messages![0]!.Attributes).toBeUndefined();
    const some = await client.send(
      new ReceiveMessageCommand({ QueueUrl: url, MessageAttributeNames: ['case.*'], MessageSystemAttributeNames: ['ApproximateReceiveCount'] }),
    );
    expect(Object.keys(some.Messages![0]!.MessageAttributes!)).toEqual(['case.id']);
    expect(some.Messages![0]!.Attributes).toEqual({ ApproximateReceiveCount: '2' });
  });

  it('sends and deletes in batches, with per-entry failures', async () => {
    const url = await createQueue(uniqueName('batch'));
    const sent = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'a', MessageBody: 'one' },
          { Id: 'b', MessageBody: 'bad \u0000 char' },
          { Id: 'c', MessageBody: 'three', DelaySeconds: 0 },
        ],
      }),
    );
    expect(sent.Successful?.map((s) => s.Id).sort()).toEqual(['a', 'c']);
    expect(sent.Successful?.find((s) => s.Id === 'c')?.MD5OfMessageBody).toBe(md5Hex('three'));
    expect(sent.Failed).toEqual([expect.objectContaining({ Id: 'b', SenderFault: true, Code: 'InvalidMessageContents' })]);

    const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
    expect(Messages?.map((m) => m.Body).sort()).toEqual(['one', 'three']);
    const deleted = await client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: url,
        Entries: [
          ...Messages!.map((m, i) => ({ Id: `m${i}`, ReceiptHandle: m.ReceiptHandle })),
          { Id: 'junk', ReceiptHandle: 'not-a-receipt-handle' },
        ],
      }),
    );
    expect(deleted.Successful?.map((s) => s.Id).sort()).toEqual(['m0', 'm1']);
    expect(deleted.Failed).toEqual([expect.objectContaining({ Id: 'junk', Code: 'ReceiptHandleIsInvalid', SenderFault: true })]);
    expect(await counts(url)).toEqual({ visible: 0, inflight: 0, delayed: 0 });

    const duplicate = await rejectionOf(
      client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'x', MessageBody: '1' }, { Id: 'x', MessageBody: '2' }] })),
    );
    expect(duplicate.name).toBe('BatchEntryIdsNotDistinct');
    const tooMany = await rejectionOf(
      client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: Array.from({ length: 11 }, (_, i) => ({ Id: `e${i}`, MessageBody: 'x' })) })),
    );
    expect(tooMany.name).toBe('TooManyEntriesInBatchRequest');
    const empty = await rejectionOf(client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [] })));
    expect(empty.name).toBe('EmptyBatchRequest');
  });

  it('hides a received message for the visibility timeout, then shows it again with a new handle', async () => {
    const url = await createQueue(uniqueName('visibility'), { VisibilityTimeout: '1' });
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'hello' }));
    const first = await client.send(new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));
    const firstReceived = Date.now();
    expect(first.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('1');

    await sleep(600);
    expect((await client.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages).toBeUndefined();
    expect(await counts(url)).toEqual({ visible: 0, inflight: 1, delayed: 0 });

    await sleep(Math.max(0, firstReceived + 1100 - Date.now()));
    const second = await client.send(new ReceiveMessageCommand({ QueueUrl: url, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }));
    expect(second.Messages?.[0]?.MessageId).toBe(first.Messages![0]!.MessageId);
    expect(second.Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe('2');
    expect(second.Messages?.[0]?.ReceiptHandle).not.toBe(first.Messages![0]!.ReceiptHandle);

    const stale = await rejectionOf(client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: first.Messages![0]!.ReceiptHandle })));
    expect(stale.name).toBe('ReceiptHandleIsInvalid');
    await client.send(new DeleteMessageCommand({ QueueUrl: url, ReceiptHandle: second.Messages![0]!.ReceiptHandle }));
    expect(await counts(url)).toEqual({ visible: 0, inflight: 0, delayed: 0 });
  });

  it('changes visibility of in-flight messages, singly and in batches', async () => {
    const url = await createQueue(uniqueName('change'), { VisibilityTimeout: '30' });
    await client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'a', MessageBody: 'a' }, { Id: 'b', MessageBody: 'b' }] }));
    const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
    expect(Messages).toHaveLength(2);
    await client.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: Messages![0]!.ReceiptHandle, VisibilityTimeout: 0 }));
    const again = await client.send(new ReceiveMessageCommand({ QueueUrl: url, VisibilityTimeout: 30 }));
    expect(again.Messages?.[0]?.MessageId).toBe(Messages![0]!.MessageId);

    const batch = await client.send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: url,
        Entries: [
          { Id: 'ok', ReceiptHandle: Messages![1]!.ReceiptHandle, VisibilityTimeout: 0 },
          { Id: 'stale', ReceiptHandle: Messages![0]!.ReceiptHandle, VisibilityTimeout: 0 },
        ],
      }),
    );
    expect(batch.Successful).toEqual([{ Id: 'ok' }]);
    expect(batch.Failed).toEqual([expect.objectContaining({ Id: 'stale', Code: 'ReceiptHandleIsInvalid' })]);
    expect(await counts(url)).toEqual({ visible: 1, inflight: 1, delayed: 0 });

    const invalid = await rejectionOf(
      client.send(new ChangeMessageVisibilityCommand({ QueueUrl: url, ReceiptHandle: 'garbage', VisibilityTimeout: 5 })),
    );
    expect(invalid.name).toBe('ReceiptHandleIsInvalid');
  });

  it('delays messages with DelaySeconds', async () => {
    const url = await createQueue(uniqueName('delay'));
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'later', DelaySeconds: 1 }));
    expect(await counts(url)).toEqual({ visible: 0, inflight: 0, delayed: 1 });
    expect((await client.send(new ReceiveMessageCommand({ QueueUrl: url }))).Messages).toBeUndefined();
    const started = Date.now();
    const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 5 }));
    expect(Messages?.[0]?.Body).toBe('later');
    expect(Date.now() - started).toBeLessThan(1800);
  });

  it('counts receives and moves a message to the DLQ on the receive after maxReceiveCount', async () => {
    const dlqName = uniqueName('redrive-dlq');
    const dlqUrl = await createQueue(dlqName);
    const url = await createQueue(uniqueName('redrive'), {
      RedrivePolicy: JSON.stringify({ deadLetterTargetArn: `arn:aws:sqs:us-east-1:000000000000:${dlqName}`, maxReceiveCount: 2 }),
    });
    const sent = await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'poison' }));
    for (const expected of ['1', '2']) {
      const { Messages } = await client.send(
        new ReceiveMessageCommand({ QueueUrl: url, VisibilityTimeout: 0, MessageSystemAttributeNames: ['ApproximateReceiveCount'] }),
      );
      expect(Messages?.[0]?.Attributes?.ApproximateReceiveCount).toBe(expected);
    }
    expect((await client.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }))).Messages).toBeUndefined();
    expect(await counts(url)).toEqual({ visible: 0, inflight: 0, delayed: 0 });

    const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl, MessageSystemAttributeNames: ['All'] }));
    expect(Messages?.[0]?.MessageId).toBe(sent.MessageId);
    expect(Messages?.[0]?.Body).toBe('poison');
    expect(Messages?.[0]?.Attributes?.DeadLetterQueueSourceArn).toBe(`arn:aws:sqs:us-east-1:000000000000:${url.split('/').pop()}`);
  });

  it('purges a queue', async () => {
    const url = await createQueue(uniqueName('purge'));
    await client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [{ Id: 'a', MessageBody: 'a' }, { Id: 'b', MessageBody: 'b', DelaySeconds: 60 }] }));
    await client.send(new PurgeQueueCommand({ QueueUrl: url }));
    expect(await counts(url)).toEqual({ visible: 0, inflight: 0, delayed: 0 });
  });

  it('moves thousands of messages quickly', async () => {
    const url = await createQueue(uniqueName('bulk'));
    const total = 2000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: total / 10 }, (_, b) =>
        client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: Array.from({ length: 10 }, (_, i) => ({ Id: `e${i}`, MessageBody: `m-${b * 10 + i}` })) })),
      ),
    );
    expect(await counts(url)).toEqual({ visible: total, inflight: 0, delayed: 0 });
    const seen = new Set<string>();
    const consumer = async () => {
      for (;;) {
        const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10 }));
        if (!Messages) return;
        for (const m of Messages) seen.add(m.Body!);
        await client.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: Messages.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle })) }));
      }
    };
    await Promise.all([consumer(), consumer(), consumer(), consumer()]);
    expect(seen.size).toBe(total);
    expect(await counts(url)).toEqual({ visible: 0, inflight: 0, delayed: 0 });
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('long polling', () => {
  it('returns as soon as a message is sent', async () => {
    const url = await createQueue(uniqueName('longpoll'));
    const started = Date.now();
    const pending = client.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 10 }));
    await sleep(300);
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'wake up' }));
    const { Messages } = await pending;
    expect(Messages?.[0]?.Body).toBe('wake up');
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('hands a whole SendMessageBatch to a waiting poller at once', async () => {
    const url = await createQueue(uniqueName('longpoll-batch'));
    const pending = client.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 5, MaxNumberOfMessages: 10 }));
    await sleep(100);
    await client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: [1, 2, 3, 4, 5].map((i) => ({ Id: `e${i}`, MessageBody: `b${i}` })) }));
    const { Messages } = await pending;
    expect(Messages?.map((m) => m.Body).sort()).toEqual(['b1', 'b2', 'b3', 'b4', 'b5']);
  });

  it('waits WaitTimeSeconds and returns nothing when nothing arrives', async () => {
    const url = await createQueue(uniqueName('longpoll-empty'));
    const started = Date.now();
    const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1 }));
    expect(Messages).toBeUndefined();
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives a message to only one of several waiting pollers', async () => {
    const url = await createQueue(uniqueName('longpoll-many'));
    const polls = [1, 2, 3].map(() => client.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 1 })));
    await sleep(100);
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'only once' }));
    const results = await Promise.all(polls);
    expect(results.filter((r) => r.Messages?.length).length).toBe(1);
  });

  it('forgets a long poll whose client went away, so it swallows no message', async () => {
    const url = await createQueue(uniqueName('longpoll-abort'));
    const controller = new AbortController();
    const abandoned = client.send(new ReceiveMessageCommand({ QueueUrl: url, WaitTimeSeconds: 10 }), { abortSignal: controller.signal });
    await sleep(100);
    controller.abort();
    expect((await rejectionOf(abandoned)).name).toBe('AbortError');
    await sleep(50);
    await client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'still here' }));
    const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: url }));
    expect(Messages?.[0]?.Body).toBe('still here');
  });

  it('ends pending long polls promptly on close()', async () => {
    const other = await startLocal();
    const otherClient = other.client;
    const { QueueUrl } = await otherClient.send(new CreateQueueCommand({ QueueName: 'closing' }));
    const started = Date.now();
    const pending = otherClient.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 })).then(
      (r) => r.Messages ?? [],
      () => [],
    );
    await sleep(100);
    await other.server.close();
    expect(await pending).toEqual([]);
    expect(Date.now() - started).toBeLessThan(2000);
    otherClient.destroy();
  });
});

describe('errors', () => {
  it('names a missing queue QueueDoesNotExist through the SDK', async () => {
    const missing = local.server.queueUrl('no-such-queue');
    const onSend = await rejectionOf(client.send(new SendMessageCommand({ QueueUrl: missing, MessageBody: 'x' })));
    expect(onSend.name).toBe('QueueDoesNotExist');
    expect((onSend.$metadata as { httpStatusCode: number }).httpStatusCode).toBe(400);
    const onReceive = await rejectionOf(client.send(new ReceiveMessageCommand({ QueueUrl: missing })));
    expect(onReceive.name).toBe('QueueDoesNotExist');
  });

  it('answers in the JSON 1.0 error form with the query-compatible header', async () => {
    const post = (target: string | undefined, body: string) =>
      fetch(`${local.server.url}/`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-amz-json-1.0', ...(target ? { 'x-amz-target': target } : {}) },
        body,
      });

    const missing = await post('AmazonSQS.GetQueueUrl', JSON.stringify({ QueueName: 'nope' }));
    expect(missing.status).toBe(400);
    expect(missing.headers.get('x-amzn-query-error')).toBe('AWS.SimpleQueueService.NonExistentQueue;Sender');
    expect(await missing.json()).toEqual({ __type: 'com.amazonaws.sqs#QueueDoesNotExist', message: 'The specified queue does not exist.' });

    const unknown = await post('AmazonSQS.FlyToTheMoon', '{}');
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { __type: string }).__type).toBe('com.amazonaws.sqs#UnsupportedOperation');

    const malformed = await post('AmazonSQS.ListQueues', '{"QueueNamePrefix": ');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { __type: string }).__type).toMatch(/SerializationException$/);

    const ok = await post('AmazonSQS.ListQueues', '');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('application/x-amz-json-1.0');
  });

  it('rejects out-of-range parameters', async () => {
    const url = await createQueue(uniqueName('params'));
    const tooMany = await rejectionOf(client.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 11 })));
    expect(tooMany.name).toBe('InvalidParameterValue');
    const tooLong = await rejectionOf(client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x', DelaySeconds: 901 })));
    expect(tooLong.name).toBe('InvalidParameterValue');
    const tooBig = await rejectionOf(client.send(new SendMessageCommand({ QueueUrl: url, MessageBody: 'x'.repeat(1048577) })));
    expect(tooBig.name).toBe('InvalidParameterValue');
  });
});

describe('persistence', () => {
  let dir: string;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps queues and messages across a restart; in-flight messages become visible again', async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-sqs-'));
    const stateFile = join(dir, 'state', 'sqs.json');

    const first = await startLocal({ stateFile });
    const c1 = first.client;
    await c1.send(new CreateQueueCommand({ QueueName: 'keep-dlq' }));
    const { QueueUrl } = await c1.send(
      new CreateQueueCommand({
        QueueName: 'keep',
        Attributes: { VisibilityTimeout: '60', RedrivePolicy: JSON.stringify({ deadLetterTargetArn: 'arn:aws:sqs:us-east-1:000000000000:keep-dlq', maxReceiveCount: 4 }) },
      }),
    );
    await c1.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: [
          { Id: 'a', MessageBody: 'first', MessageAttributes: { k: { DataType: 'String', StringValue: 'v' } } },
          { Id: 'b', MessageBody: 'second' },
          { Id: 'c', MessageBody: 'third' },
          { Id: 'd', MessageBody: 'delayed', DelaySeconds: 600 },
        ],
      }),
    );
    const inFlight = await c1.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1 }));
    expect(inFlight.Messages).toHaveLength(1);
    const deleted = await c1.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 1 }));
    await c1.send(new DeleteMessageCommand({ QueueUrl, ReceiptHandle: deleted.Messages![0]!.ReceiptHandle }));
    await first.stop();
    expect(JSON.parse(await readFile(stateFile, 'utf8'))).toMatchObject({ version: 1 });

    const second = await startLocal({ stateFile });
    try {
      const c2 = second.client;
      const url2 = second.server.queueUrl('keep');
      const { Attributes } = await c2.send(new GetQueueAttributesCommand({ QueueUrl: url2, AttributeNames: ['All'] }));
      expect(Attributes).toMatchObject({ VisibilityTimeout: '60', ApproximateNumberOfMessages: '2', ApproximateNumberOfMessagesNotVisible: '0', ApproximateNumberOfMessagesDelayed: '1' });
      expect(JSON.parse(Attributes!.RedrivePolicy!).maxReceiveCount).toBe(4);

      const { Messages } = await c2.send(
        new ReceiveMessageCommand({ QueueUrl: url2, MaxNumberOfMessages: 10, MessageAttributeNames: ['All'], MessageSystemAttributeNames: ['All'] }),
      );
      const remaining = ['first', 'second', 'third'].filter((b) => b !== deleted.Messages![0]!.Body);
      expect(Messages?.map((m) => m.Body).sort()).toEqual(remaining.sort());
      const again = Messages!.find((m) => m.MessageId === inFlight.Messages![0]!.MessageId);
      expect(again?.Attributes?.ApproximateReceiveCount).toBe('2');
      const withAttributes = Messages!.find((m) => m.Body === 'first');
      if (withAttributes) expect(withAttributes.MessageAttributes?.k?.StringValue).toBe('v');

      // the old client, pointed at the old port, is of no use; a queue URL with the old port still resolves by name
      const byOldUrl = await c2.send(new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['QueueArn'] }));
      expect(byOldUrl.Attributes?.QueueArn).toBe('arn:aws:sqs:us-east-1:000000000000:keep');
    } finally {
      await second.stop();
    }
  });

  it('saves changes within about half a second, without waiting for close', async () => {
    dir = await mkdtemp(join(tmpdir(), 'local-sqs-'));
    const stateFile = join(dir, 'sqs.json');
    const running = await startLocal({ stateFile });
    try {
      const c = clientFor(running.server);
      const { QueueUrl } = await c.send(new CreateQueueCommand({ QueueName: 'debounced' }));
      await c.send(new SendMessageCommand({ QueueUrl, MessageBody: 'saved soon' }));
      await sleep(800);
      const saved = JSON.parse(await readFile(stateFile, 'utf8')) as { queues: { name: string; messages: { body: string }[] }[] };
      expect(saved.queues.find((q) => q.name === 'debounced')?.messages.map((m) => m.body)).toEqual(['saved soon']);
      c.destroy();
    } finally {
      await running.stop();
    }
  });
});
