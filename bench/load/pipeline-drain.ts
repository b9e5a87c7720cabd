// Whether the pipeline has finished with everything sent into it: no message waiting or in flight on any
// level queue. Asked of the local SQS endpoint with a client of its own.
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { probeSqsClient } from './probe-client.js';

export class PipelineDrain {
  private readonly client: SQSClient;

  constructor(
    sqsEndpoint: string,
    private readonly queueUrls: string[],
  ) {
    this.client = probeSqsClient(sqsEndpoint);
  }

  async messagesInPipeline(): Promise<number> {
    let total = 0;
    for (const QueueUrl of this.queueUrls) {
      const { Attributes = {} } = await this.client.send(
        new GetQueueAttributesCommand({ QueueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'] }),
      );
      total += Number(Attributes.ApproximateNumberOfMessages ?? 0) + Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0);
    }
    return total;
  }

  close(): void {
    this.client.destroy();
  }
}
