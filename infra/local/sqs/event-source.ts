// The local stand-in for a Lambda SQS event source mapping with ReportBatchItemFailures: pollers
// long-poll the queue, hand each batch to the handler as a real-shaped SQSEvent with a Lambda-like
// Context, then delete the records that did not fail. A handler that throws deletes nothing, so the
// whole batch comes back after the visibility timeout (and, after maxReceiveCount, goes to the DLQ).
import { randomBytes, randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  type Message,
  type MessageAttributeValue,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';

export type SqsLambdaHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse | void>;

export interface SqsEventSourceOptions {
  client: SQSClient;
  queueUrl: string;
  queueArn: string;
  /** Records per invocation (as the mapping's BatchSize); above 10 several receives fill one batch. */
  batchSize: number;
  functionName: string;
  handler: SqsLambdaHandler;
  /** Long-poll wait per receive; default 1. */
  waitTimeSeconds?: number;
  /** Parallel pollers, each running one batch at a time; default 2. */
  concurrency?: number;
  /** Handler, receive and delete errors; default: console.error of the message only. */
  onError?: (err: unknown) => void;
  /** What context.getRemainingTimeInMillis() counts down from (not enforced); default 30. */
  timeoutSeconds?: number;
}

export interface SqsEventSource {
  /** Aborts pending long polls and waits for batches already being handled. */
  stop(): Promise<void>;
}

const MAX_RECEIVE = 10;
const ERROR_BACKOFF_MS = 1000;
const EMPTY_POLL_PAUSE_MS = 100;

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Region and account from arn:aws:sqs:<region>:<account>:<name>. */
function parseQueueArn(arn: string): { region: string; accountId: string } {
  const parts = arn.split(':');
  return { region: parts[3] || 'us-east-1', accountId: parts[4] || '000000000000' };
}

function toLambdaAttributes(attributes: Record<string, MessageAttributeValue> | undefined): SQSMessageAttributes {
  const result: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    result[name] = {
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined ? { binaryValue: Buffer.from(value.BinaryValue).toString('base64') } : {}),
      stringListValues: value.StringListValues ?? [],
      binaryListValues: (value.BinaryListValues ?? []).map((b) => Buffer.from(b).toString('base64')),
      dataType: value.DataType ?? 'String',
    };
  }
  return result;
}

/**
 * The ids of the records to keep (not delete), or undefined when the response is invalid, which
 * Lambda treats as a failure of the whole batch.
 */
function failedMessageIds(response: unknown, records: SQSRecord[]): Set<string> | undefined {
  if (response === undefined || response === null) return new Set();
  if (typeof response !== 'object') return undefined;
  const failures = (response as { batchItemFailures?: unknown }).batchItemFailures;
  if (failures === undefined || failures === null) return new Set();
  if (!Array.isArray(failures)) return undefined;
  const known = new Set(records.map((r) => r.messageId));
  const failed = new Set<string>();
  for (const failure of failures as unknown[]) {
    const id = (failure as { itemIdentifier?: unknown } | null)?.itemIdentifier;
    if (typeof id !== 'string' || !known.has(id)) return undefined;
    failed.add(id);
  }
  return failed;
}

export function startSqsEventSource(options: SqsEventSourceOptions): SqsEventSource {
  const { client, queueUrl, queueArn, functionName, handler } = options;
  const batchSize = Math.max(1, Math.floor(options.batchSize));
  const waitTimeSeconds = Math.min(20, Math.max(0, Math.floor(options.waitTimeSeconds ?? 1)));
  const concurrency = Math.max(1, Math.floor(options.concurrency ?? 2));
  const timeoutMs = (options.timeoutSeconds ?? 30) * 1000;
  const { region, accountId } = parseQueueArn(queueArn);
  const onError = options.onError ?? ((err: unknown) => console.error(`[${functionName}] ${describe(err)}`));
  const report = (err: unknown): void => {
    try {
      onError(err);
    } catch {
      // an onError that throws must not stop the poller either
    }
  };

  const stopper = new AbortController();
  setMaxListeners(concurrency + 10, stopper.signal);
  let stopped = false;

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      if (stopper.signal.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        stopper.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      stopper.signal.addEventListener('abort', done, { once: true });
    });
  }

  async function receive(max: number, waitSeconds: number): Promise<Message[]> {
    const output = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: max,
        WaitTimeSeconds: waitSeconds,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
      { abortSignal: stopper.signal },
    );
    return output.Messages ?? [];
  }

  /** One long poll, then (for batch sizes above 10) immediate receives while full pages come back. */
  async function nextBatch(): Promise<Message[]> {
    const batch = await receive(Math.min(MAX_RECEIVE, batchSize), waitTimeSeconds);
    let last = batch.length;
    while (!stopped && batch.length < batchSize && last === MAX_RECEIVE) {
      const more = await receive(Math.min(MAX_RECEIVE, batchSize - batch.length), 0);
      batch.push(...more);
      last = more.length;
    }
    return batch;
  }

  function toRecord(message: Message): SQSRecord {
    const attributes = message.Attributes ?? {};
    const sent = attributes.SentTimestamp ?? String(Date.now());
    return {
      messageId: message.MessageId ?? '',
      receiptHandle: message.ReceiptHandle ?? '',
      body: message.Body ?? '',
      attributes: {
        ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
        SentTimestamp: sent,
        SenderId: attributes.SenderId ?? accountId,
        ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? sent,
        ...(attributes.AWSTraceHeader !== undefined ? { AWSTraceHeader: attributes.AWSTraceHeader } : {}),
        ...(attributes.DeadLetterQueueSourceArn !== undefined ? { DeadLetterQueueSourceArn: attributes.DeadLetterQueueSourceArn } : {}),
      },
      messageAttributes: toLambdaAttributes(message.MessageAttributes),
      md5OfBody: message.MD5OfBody ?? '',
      ...(message.MD5OfMessageAttributes !== undefined ? { md5OfMessageAttributes: message.MD5OfMessageAttributes } : {}),
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      awsRegion: region,
    };
  }

  function makeContext(): Context {
    const deadline = Date.now() + timeoutMs;
    const day = new Date().toISOString().slice(0, 10).replaceAll('-', '/');
    const noop = () => {};
    return {
      callbackWaitsForEmptyEventLoop: true,
      functionName,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:${region}:${accountId}:function:${functionName}`,
      memoryLimitInMB: '128',
      awsRequestId: randomUUID(),
      logGroupName: `/aws/lambda/${functionName}`,
      logStreamName: `${day}/[$LATEST]${randomBytes(16).toString('hex')}`,
      getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
      done: noop,
      fail: noop,
      succeed: noop,
    };
  }

  async function deleteRecords(records: SQSRecord[]): Promise<void> {
    for (let start = 0; start < records.length; start += MAX_RECEIVE) {
      const chunk = records.slice(start, start + MAX_RECEIVE);
      try {
        const { Failed } = await client.send(
          new DeleteMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: chunk.map((record, i) => ({ Id: `r${start + i}`, ReceiptHandle: record.receiptHandle })),
          }),
        );
        if (Failed && Failed.length > 0) {
          const detail = Failed.map((f) => `${f.Code ?? 'Error'}: ${f.Message ?? ''}`).join('; ');
          report(new Error(`DeleteMessageBatch failed for ${Failed.length} message(s) of ${functionName}: ${detail}`));
        }
      } catch (err) {
        report(err);
      }
    }
  }

  async function handle(messages: Message[]): Promise<void> {
    const records = messages.map(toRecord);
    let response: SQSBatchResponse | void;
    try {
      response = await handler({ Records: records }, makeContext());
    } catch (err) {
      report(err);
      return;
    }
    const failed = failedMessageIds(response, records);
    if (!failed) {
      report(new Error(`${functionName} returned an invalid batchItemFailures response; the whole batch will be retried`));
      return;
    }
    await deleteRecords(records.filter((r) => !failed.has(r.messageId)));
  }

  async function poll(): Promise<void> {
    while (!stopped) {
      let batch: Message[];
      try {
        batch = await nextBatch();
      } catch (err) {
        if (stopped) break;
        report(err);
        await pause(ERROR_BACKOFF_MS);
        continue;
      }
      if (batch.length === 0) {
        if (waitTimeSeconds === 0) await pause(EMPTY_POLL_PAUSE_MS);
        continue;
      }
      await handle(batch); // even when stopping: these messages were received, so finish them
    }
  }

  const pollers = Array.from({ length: concurrency }, () => poll());
  let stopping: Promise<void> | undefined;
  return {
    stop() {
      stopping ??= (async () => {
        stopped = true;
        stopper.abort();
        await Promise.all(pollers);
      })();
      return stopping;
    },
  };
}
