// Creates (or brings up to date) each queue and its dead-letter queue `<name>-dlq`, wired with a
// redrive policy, through the real SQS SDK — against the local endpoint or a real account alike.
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SetQueueAttributesCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';

export interface EnsuredQueue {
  url: string;
  arn: string;
  dlqUrl: string;
  dlqArn: string;
}

export interface EnsureQueuesOptions {
  /** Receives before a message is moved to the dead-letter queue. */
  maxReceiveCount: number;
  visibilityTimeoutSeconds: number;
}

/** Dead-letter queues keep messages as long as SQS allows (14 days) so they can be inspected. */
const DLQ_RETENTION_SECONDS = '1209600';

/** CreateQueue, or — if the queue exists with other attributes — SetQueueAttributes on it. */
async function createOrUpdate(client: SQSClient, name: string, attributes: Record<string, string>): Promise<string> {
  try {
    const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes }));
    if (!QueueUrl) throw new Error(`CreateQueue returned no URL for ${name}`);
    return QueueUrl;
  } catch (error) {
    if ((error as Error).name !== 'QueueNameExists') throw error;
    const { QueueUrl } = await client.send(new GetQueueUrlCommand({ QueueName: name }));
    if (!QueueUrl) throw new Error(`GetQueueUrl returned no URL for ${name}`);
    await client.send(new SetQueueAttributesCommand({ QueueUrl, Attributes: attributes }));
    return QueueUrl;
  }
}

async function arnOf(client: SQSClient, queueUrl: string): Promise<string> {
  const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
  const arn = Attributes?.QueueArn;
  if (!arn) throw new Error(`GetQueueAttributes returned no QueueArn for ${queueUrl}`);
  return arn;
}

async function ensureQueue(client: SQSClient, name: string, opts: EnsureQueuesOptions): Promise<EnsuredQueue> {
  const dlqUrl = await createOrUpdate(client, `${name}-dlq`, { MessageRetentionPeriod: DLQ_RETENTION_SECONDS });
  const dlqArn = await arnOf(client, dlqUrl);
  const url = await createOrUpdate(client, name, {
    VisibilityTimeout: String(opts.visibilityTimeoutSeconds),
    RedrivePolicy: JSON.stringify({ deadLetterTargetArn: dlqArn, maxReceiveCount: opts.maxReceiveCount }),
  });
  return { url, arn: await arnOf(client, url), dlqUrl, dlqArn };
}

export async function ensureQueues(
  client: SQSClient,
  names: string[],
  opts: EnsureQueuesOptions,
): Promise<Record<string, EnsuredQueue>> {
  const unique = [...new Set(names)];
  const ensured = await Promise.all(unique.map((name) => ensureQueue(client, name, opts)));
  return Object.fromEntries(unique.map((name, i) => [name, ensured[i]!]));
}
