// Moves every message of a dead-letter queue back to its source queue. On AWS: SQS's own redrive
// (StartMessageMoveTask), followed until it finishes. Where that API is missing (the local SQS endpoint), the
// same thing by hand: receive a page, send it to the source queue, delete it from the DLQ, until the DLQ is
// empty. A crash between send and delete can only duplicate a message, which every handler absorbs.
import {
  DeleteMessageBatchCommand,
  ListMessageMoveTasksCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  StartMessageMoveTaskCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { ResolvedQueue } from './resolve-queue.js';

export interface MoveResult {
  method: 'StartMessageMoveTask' | 'receive-send-delete';
  moved: number;
  status: string;
}

const POLL_MS = 2000;

function unsupported(error: unknown): boolean {
  const name = (error as Error).name ?? '';
  return name === 'UnsupportedOperation' || name === 'AWS.SimpleQueueService.UnsupportedOperation' || name === 'UnknownOperationException';
}

async function moveWithTask(client: SQSClient, dlq: ResolvedQueue, source: ResolvedQueue, wait: (ms: number) => Promise<void>): Promise<MoveResult> {
  const { TaskHandle } = await client.send(new StartMessageMoveTaskCommand({ SourceArn: dlq.arn, DestinationArn: source.arn }));
  for (;;) {
    const { Results } = await client.send(new ListMessageMoveTasksCommand({ SourceArn: dlq.arn, MaxResults: 10 }));
    const task = Results?.find((t) => t.TaskHandle === TaskHandle) ?? Results?.[0];
    const status = task?.Status ?? 'UNKNOWN';
    if (status !== 'RUNNING') {
      if (status === 'FAILED') throw new Error(`the move task failed: ${task?.FailureReason ?? 'no reason given'}`);
      return { method: 'StartMessageMoveTask', moved: task?.ApproximateNumberOfMessagesMoved ?? 0, status };
    }
    await wait(POLL_MS);
  }
}

async function moveByHand(client: SQSClient, dlq: ResolvedQueue, source: ResolvedQueue): Promise<MoveResult> {
  let moved = 0;
  for (;;) {
    const { Messages } = await client.send(
      new ReceiveMessageCommand({ QueueUrl: dlq.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 60, MessageAttributeNames: ['All'] }),
    );
    if (!Messages || Messages.length === 0) return { method: 'receive-send-delete', moved, status: 'COMPLETED' };
    const entries = Messages.map((m, i) => ({ id: `m${i}`, message: m }));
    const sent = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: source.url,
        Entries: entries.map(({ id, message }) => ({
          Id: id,
          MessageBody: message.Body ?? '',
          ...(message.MessageAttributes && Object.keys(message.MessageAttributes).length > 0 ? { MessageAttributes: message.MessageAttributes } : {}),
        })),
      }),
    );
    const ok = new Set((sent.Successful ?? []).map((s) => s.Id));
    const done = entries.filter((e) => ok.has(e.id));
    if (done.length > 0) {
      await client.send(new DeleteMessageBatchCommand({ QueueUrl: dlq.url, Entries: done.map(({ id, message }) => ({ Id: id, ReceiptHandle: message.ReceiptHandle! })) }));
    }
    moved += done.length;
    if (done.length < entries.length) {
      const failed = (sent.Failed ?? []).map((f) => `${f.Id}: ${f.Code ?? ''} ${f.Message ?? ''}`).join('; ');
      throw new Error(`could not send ${entries.length - done.length} message(s) back to ${source.name} (${failed}); they stay in the DLQ`);
    }
  }
}

export async function moveMessages(
  client: SQSClient,
  dlq: ResolvedQueue,
  source: ResolvedQueue,
  options: { byHand?: boolean; wait?: (ms: number) => Promise<void> } = {},
): Promise<MoveResult> {
  const wait = options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  if (!options.byHand) {
    try {
      return await moveWithTask(client, dlq, source, wait);
    } catch (error) {
      if (!unsupported(error)) throw error;
    }
  }
  return moveByHand(client, dlq, source);
}
