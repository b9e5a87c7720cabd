// Runs the queue functions by hand until their queues are empty: the local runtime started without pollers
// (so that nothing writes in the background while a test counts items) can still route its seed cases.
import { DeleteMessageBatchCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { SQSRecord } from 'aws-lambda';
import { lambdaContext, type QueueEndpoint } from './endpoints.js';

export async function drainQueues(sqs: SQSClient, endpoints: QueueEndpoint[], urlOf: (queue: string) => string, rounds = 20): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    let handled = 0;
    for (const endpoint of endpoints) {
      const url = urlOf(endpoint.queue);
      const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, MessageSystemAttributeNames: ['All'] }));
      if (!Messages?.length) continue;
      const records = Messages.map(
        (m): SQSRecord => ({
          messageId: m.MessageId!,
          receiptHandle: m.ReceiptHandle!,
          body: m.Body ?? '',
          attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()), SenderId: 'fuzz', ApproximateFirstReceiveTimestamp: String(Date.now()) },
          messageAttributes: {},
          md5OfBody: m.MD5OfBody ?? '',
          eventSource: 'aws:sqs',
          eventSourceARN: `arn:aws:sqs:us-east-1:000000000000:${endpoint.queue}`,
          awsRegion: 'us-east-1',
        }),
      );
      const response = await endpoint.handler({ Records: records }, lambdaContext(endpoint.id));
      const failed = new Set(response?.batchItemFailures.map((f) => f.itemIdentifier) ?? []);
      const done = Messages.filter((m) => !failed.has(m.MessageId!));
      if (done.length) await sqs.send(new DeleteMessageBatchCommand({ QueueUrl: url, Entries: done.map((m, i) => ({ Id: `d${i}`, ReceiptHandle: m.ReceiptHandle! })) }));
      handled += Messages.length;
    }
    if (handled === 0) return;
  }
}
