// Drives the pipeline one stage at a time, as Lambda's SQS event source would, so that what each stage costs
// can be read between two snapshots: the local event source (infra/local/sqs/event-source.ts) runs one
// function on its queue until the queue is drained, with every invocation timed.
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSBatchResponse } from 'aws-lambda';
import { startSqsEventSource, type SqsLambdaHandler } from '../../infra/local/sqs/event-source.js';

export interface StageRun {
  invocations: number;
  records: number;
  /** each invocation's duration, ms */
  durationsMs: number[];
  failedRecords: number;
}

async function inQueue(client: SQSClient, queueUrl: string): Promise<number> {
  const { Attributes = {} } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
  );
  return Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
}

export async function queueArn(client: SQSClient, queueUrl: string): Promise<string> {
  const { Attributes = {} } = await client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  if (!Attributes.QueueArn) throw new Error(`no ARN for ${queueUrl}`);
  return Attributes.QueueArn;
}

/** Runs `handler` on the queue, `batchSize` records per invocation, until the queue is empty. */
export async function drainStage(options: {
  /** the event source's client: its receives and deletes are what Lambda's poller would do */
  client: SQSClient;
  /** the benchmark's own client, for queue depths */
  probe: SQSClient;
  queueUrl: string;
  functionName: string;
  handler: SqsLambdaHandler;
  batchSize: number;
  timeoutMs: number;
}): Promise<StageRun> {
  const { client, probe, queueUrl } = options;
  const run: StageRun = { invocations: 0, records: 0, durationsMs: [], failedRecords: 0 };
  const timed: SqsLambdaHandler = async (event, context) => {
    const start = performance.now();
    try {
      const response = await options.handler(event, context);
      run.failedRecords += (response as SQSBatchResponse | undefined)?.batchItemFailures?.length ?? 0;
      return response;
    } finally {
      run.durationsMs.push(performance.now() - start);
      run.invocations++;
      run.records += event.Records.length;
    }
  };
  if ((await inQueue(probe, queueUrl)) === 0) return run;
  const source = startSqsEventSource({
    client,
    queueUrl,
    queueArn: await queueArn(probe, queueUrl),
    batchSize: options.batchSize,
    functionName: options.functionName,
    handler: timed,
    concurrency: 1,
    waitTimeSeconds: 1,
  });
  const deadline = performance.now() + options.timeoutMs;
  try {
    while ((await inQueue(probe, queueUrl)) > 0 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  } finally {
    await source.stop();
  }
  return run;
}
