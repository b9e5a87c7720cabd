// Finds a queue and its dead-letter queue by the name the topology gives them (`district-dispatch` and
// `district-dispatch-dlq`). Locally, and wherever queues carry exactly those names, GetQueueUrl finds them; in
// the CDK stack CloudFormation names them itself, so there each queue is found by its `hotline12345:queue`
// tag (infra/cdk/queues.ts), which holds the topology name.
import { GetQueueAttributesCommand, GetQueueUrlCommand, ListQueueTagsCommand, paginateListQueues, type SQSClient } from '@aws-sdk/client-sqs';
import { QUEUE_NAME_TAG } from '../../infra/topology.js';

export interface ResolvedQueue {
  name: string;
  url: string;
  arn: string;
}

async function arnOf(client: SQSClient, url: string): Promise<string> {
  const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['QueueArn'] }));
  if (!Attributes?.QueueArn) throw new Error(`no QueueArn for ${url}`);
  return Attributes.QueueArn;
}

async function urlByName(client: SQSClient, name: string): Promise<string | undefined> {
  try {
    return (await client.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
  } catch (error) {
    const code = (error as Error).name;
    if (code === 'QueueDoesNotExist' || code === 'AWS.SimpleQueueService.NonExistentQueue') return undefined;
    throw error;
  }
}

async function urlByTag(client: SQSClient, name: string): Promise<string | undefined> {
  for await (const page of paginateListQueues({ client }, {})) {
    for (const url of page.QueueUrls ?? []) {
      const { Tags } = await client.send(new ListQueueTagsCommand({ QueueUrl: url }));
      if (Tags?.[QUEUE_NAME_TAG] === name) return url;
    }
  }
  return undefined;
}

export async function resolveQueue(client: SQSClient, name: string): Promise<ResolvedQueue> {
  const url = (await urlByName(client, name)) ?? (await urlByTag(client, name));
  if (!url) throw new Error(`no queue named ${name} (nor tagged ${QUEUE_NAME_TAG}=${name})`);
  return { name, url, arn: await arnOf(client, url) };
}
