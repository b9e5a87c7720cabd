// The queues as the checks see them: how many messages each queue and DLQ holds (visible, in flight or
// delayed: what the CloudWatch alarms watch), and which cases the departments' queues hold tasks for.
import { GetQueueAttributesCommand, ReceiveMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';

export async function depthOf(client: SQSClient, url: string): Promise<number> {
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({
      QueueUrl: url,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
    }),
  );
  return ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'].reduce(
    (sum, name) => sum + Number(Attributes?.[name as 'ApproximateNumberOfMessages'] ?? 0),
    0,
  );
}

export async function depths(client: SQSClient, urls: Record<string, string>): Promise<Record<string, number>> {
  const entries = await Promise.all(Object.entries(urls).map(async ([name, url]) => [name, await depthOf(client, url)] as const));
  return Object.fromEntries(entries);
}

/**
 * Every message body of a queue nobody consumes here (a department's), read without deleting: each one is
 * received once and left invisible for the rest of the test.
 */
export async function readAllBodies(client: SQSClient, url: string): Promise<string[]> {
  const bodies: string[] = [];
  for (;;) {
    const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: url, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 3600 }));
    if (!Messages || Messages.length === 0) return bodies;
    for (const message of Messages) bodies.push(message.Body ?? '');
  }
}
