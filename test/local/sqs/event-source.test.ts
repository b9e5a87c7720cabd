// The local Lambda SQS event source mapping against the local SQS endpoint: real-shaped events,
// ReportBatchItemFailures semantics, resilience to throwing handlers, redrive of poison messages, stop().
import { GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageBatchCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureQueues, type EnsuredQueue } from '../../../infra/local/sqs/ensure-queues.js';
import { startSqsEventSource, type SqsEventSource } from '../../../infra/local/sqs/event-source.js';
import { md5Hex } from '../../../infra/local/sqs/md5.js';
import { eventually, sleep, startLocal, type Local } from './support.js';

let local: Local;
let client: SQSClient;
let counter = 0;
const sources: SqsEventSource[] = [];

async function freshQueue(base: string, maxReceiveCount = 5): Promise<EnsuredQueue> {
  const name = `${base}-${++counter}`;
  const queues = await ensureQueues(client, [name], { maxReceiveCount, visibilityTimeoutSeconds: 1 });
  return queues[name]!;
}

function start(
  queue: EnsuredQueue,
  handler: (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>,
  extra: { batchSize?: number; concurrency?: number; onError?: (err: unknown) => void } = {},
) {
  const source = startSqsEventSource({
    client,
    queueUrl: queue.url,
    queueArn: queue.arn,
    batchSize: extra.batchSize ?? 10,
    concurrency: extra.concurrency ?? 2,
    functionName: 'dispatch-district',
    handler,
    waitTimeSeconds: 1,
    onError: extra.onError ?? (() => {}),
  });
  sources.push(source);
  return source;
}

async function visibleAndInflight(url: string): Promise<number> {
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible);
}

beforeAll(async () => {
  local = await startLocal();
  client = local.client;
});

afterEach(async () => {
  await Promise.all(sources.splice(0).map((s) => s.stop()));
});

afterAll(async () => {
  await local.stop();
});

describe('ensureQueues', () => {
  it('creates each queue with a DLQ and redrive policy, and updates them when called again', async () => {
    const queues = await ensureQueues(client, ['district-dispatch', 'street-dispatch'], { maxReceiveCount: 5, visibilityTimeoutSeconds: 30 });
    expect(queues['district-dispatch']).toEqual({
      url: local.server.queueUrl('district-dispatch'),
      arn: 'arn:aws:sqs:us-east-1:000000000000:district-dispatch',
      dlqUrl: local.server.queueUrl('district-dispatch-dlq'),
      dlqArn: 'arn:aws:sqs:us-east-1:000000000000:district-dispatch-dlq',
    });
    const again = await ensureQueues(client, ['district-dispatch'], { maxReceiveCount: 3, visibilityTimeoutSeconds: 12 });
    expect(again['district-dispatch']!.url).toBe(queues['district-dispatch']!.url);
    const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: again['district-dispatch']!.url, AttributeNames: ['All'] }));
    expect(Attributes?.VisibilityTimeout).toBe('12');
    expect(JSON.parse(Attributes!.RedrivePolicy!)).toEqual({ deadLetterTargetArn: queues['district-dispatch']!.dlqArn, maxReceiveCount: 3 });
  });
});

describe('startSqsEventSource', () => {
  it('delivers real-shaped events and deletes only the records that did not fail', async () => {
    const queue = await freshQueue('partial');
    const deliveries: SQSRecord[] = [];
    const contexts: Context[] = [];
    start(queue, async (event, context) => {
      deliveries.push(...event.Records);
      contexts.push(context);
      const failures = event.Records.filter((r) => r.body === 'fail-once' && r.attributes.ApproximateReceiveCount === '1');
      return { batchItemFailures: failures.map((r) => ({ itemIdentifier: r.messageId })) };
    });
    await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queue.url,
        Entries: [
          { Id: 'a', MessageBody: 'ok-1', MessageAttributes: { kind: { DataType: 'String', StringValue: 'test' } } },
          { Id: 'b', MessageBody: 'fail-once' },
          { Id: 'c', MessageBody: 'ok-2' },
        ],
      }),
    );

    await eventually(() => deliveries.filter((r) => r.body === 'fail-once').length === 2);
    await eventually(async () => (await visibleAndInflight(queue.url)) === 0);
    expect(deliveries.filter((r) => r.body === 'ok-1')).toHaveLength(1);
    expect(deliveries.filter((r) => r.body === 'ok-2')).toHaveLength(1);
    const retried = deliveries.filter((r) => r.body === 'fail-once');
    expect(retried.map((r) => r.attributes.ApproximateReceiveCount)).toEqual(['1', '2']);
    expect(retried[1]!.messageId).toBe(retried[0]!.messageId);

    const record = deliveries.find((r) => r.body === 'ok-1')!;
    expect(record).toMatchObject({
      eventSource: 'aws:sqs',
      eventSourceARN: queue.arn,
      awsRegion: 'us-east-1',
      md5OfBody: md5Hex('ok-1'),
      messageAttributes: { kind: { stringValue: 'test', stringListValues: [], binaryListValues: [], dataType: 'String' } },
      attributes: { ApproximateReceiveCount: '1', SenderId: 'local' },
    });
    expect(record.md5OfMessageAttributes).toMatch(/^[0-9a-f]{32}$/);
    expect(Number(record.attributes.SentTimestamp)).toBeGreaterThan(0);
    expect(Number(record.attributes.ApproximateFirstReceiveTimestamp)).toBeGreaterThanOrEqual(Number(record.attributes.SentTimestamp));
    expect(record.receiptHandle.length).toBeGreaterThan(20);

    const context = contexts[0]!;
    expect(context.functionName).toBe('dispatch-district');
    expect(context.awsRequestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context.invokedFunctionArn).toBe('arn:aws:lambda:us-east-1:000000000000:function:dispatch-district');
    expect(context.getRemainingTimeInMillis()).toBeGreaterThan(0);
    expect(new Set(contexts.map((c) => c.awsRequestId)).size).toBe(contexts.length);
  });

  it('keeps polling after a handler throws, and the thrown batch comes back', async () => {
    const queue = await freshQueue('throws');
    const errors: unknown[] = [];
    const seen: string[] = [];
    let calls = 0;
    start(
      queue,
      async (event) => {
        calls++;
        seen.push(...event.Records.map((r) => `${r.body}#${r.attributes.ApproximateReceiveCount}`));
        if (calls === 1) throw new Error('database on fire');
      },
      { batchSize: 1, onError: (err) => errors.push(err) },
    );
    await client.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'first' }));
    await eventually(() => calls >= 1);
    await client.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'second' }));

    await eventually(() => seen.includes('second#1'));
    await eventually(() => seen.includes('first#2'));
    await eventually(async () => (await visibleAndInflight(queue.url)) === 0);
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe('database on fire');
  });

  it('treats an unknown itemIdentifier as a failure of the whole batch', async () => {
    const queue = await freshQueue('invalid-response');
    const errors: unknown[] = [];
    const seen: string[] = [];
    start(
      queue,
      async (event) => {
        seen.push(...event.Records.map((r) => r.attributes.ApproximateReceiveCount));
        return seen.length === 1 ? { batchItemFailures: [{ itemIdentifier: 'not-in-this-batch' }] } : undefined;
      },
      { onError: (err) => errors.push(err) },
    );
    await client.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'x' }));
    await eventually(() => seen.length === 2);
    expect(seen).toEqual(['1', '2']);
    expect(String(errors[0])).toMatch(/invalid batchItemFailures/);
  });

  it('lets a poison message end up in the DLQ after maxReceiveCount', async () => {
    const queue = await freshQueue('poison', 2);
    const attempts: string[] = [];
    start(queue, async (event) => ({
      batchItemFailures: event.Records.filter((r) => {
        if (r.body !== 'poison') return false;
        attempts.push(r.attributes.ApproximateReceiveCount);
        return true;
      }).map((r) => ({ itemIdentifier: r.messageId })),
    }));
    await client.send(new SendMessageBatchCommand({ QueueUrl: queue.url, Entries: [{ Id: 'p', MessageBody: 'poison' }, { Id: 'h', MessageBody: 'healthy' }] }));

    let dead: string | undefined;
    await eventually(async () => {
      const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: queue.dlqUrl, MessageSystemAttributeNames: ['All'] }));
      dead = Messages?.[0]?.Body;
      return dead !== undefined;
    });
    expect(dead).toBe('poison');
    expect(attempts).toEqual(['1', '2']);
    expect(await visibleAndInflight(queue.url)).toBe(0);
  });

  it('fills batches larger than 10 from several receives', async () => {
    const queue = await freshQueue('big-batch');
    await Promise.all(
      [0, 1, 2].map((b) =>
        client.send(new SendMessageBatchCommand({ QueueUrl: queue.url, Entries: Array.from({ length: 10 }, (_, i) => ({ Id: `e${i}`, MessageBody: `${b}-${i}` })) })),
      ),
    );
    const sizes: number[] = [];
    const bodies = new Set<string>();
    start(
      queue,
      async (event) => {
        sizes.push(event.Records.length);
        for (const r of event.Records) bodies.add(r.body);
      },
      { batchSize: 25, concurrency: 1 },
    );
    await eventually(() => bodies.size === 30);
    expect(sizes).toEqual([25, 5]);
    await eventually(async () => (await visibleAndInflight(queue.url)) === 0);
  });

  it('stops promptly, waiting for the batch in hand', async () => {
    const queue = await freshQueue('stop');
    let finished = false;
    let started = false;
    const source = startSqsEventSource({
      client,
      queueUrl: queue.url,
      queueArn: queue.arn,
      batchSize: 10,
      functionName: 'slow',
      waitTimeSeconds: 20,
      handler: async () => {
        started = true;
        await sleep(400);
        finished = true;
      },
    });
    const idleStop = Date.now();
    await sleep(100);
    await client.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: 'slow' }));
    await eventually(() => started);
    await source.stop();
    expect(finished).toBe(true);
    expect(Date.now() - idleStop).toBeLessThan(3000);
    expect(await visibleAndInflight(queue.url)).toBe(0);

    const idle = startSqsEventSource({ client, queueUrl: queue.url, queueArn: queue.arn, batchSize: 1, functionName: 'idle', waitTimeSeconds: 20, handler: async () => {} });
    await sleep(100);
    const stopping = Date.now();
    await idle.stop();
    expect(Date.now() - stopping).toBeLessThan(1000);
  });
});
