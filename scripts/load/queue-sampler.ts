// Samples the depth of the routing queues (visible + in flight + delayed) every second during a load run, so
// the report shows where work waited and that it drained.
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';

export interface QueueSampler {
  /** the largest depth each queue reached, and when (seconds from the start) */
  peaks(): Record<string, { depth: number; atSecond: number }>;
  stop(): Promise<void>;
}

async function depth(client: SQSClient, url: string): Promise<number> {
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'] }),
  );
  return Number(Attributes?.ApproximateNumberOfMessages ?? 0) + Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0) + Number(Attributes?.ApproximateNumberOfMessagesDelayed ?? 0);
}

export function sampleQueues(client: SQSClient, urls: Record<string, string>, everyMs = 1000): QueueSampler {
  const started = Date.now();
  const peaks: Record<string, { depth: number; atSecond: number }> = Object.fromEntries(Object.keys(urls).map((name) => [name, { depth: 0, atSecond: 0 }]));
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = (async () => {
      for (const [name, url] of Object.entries(urls)) {
        const d = await depth(client, url).catch(() => 0);
        if (d > peaks[name]!.depth) peaks[name] = { depth: d, atSecond: Math.round((Date.now() - started) / 1000) };
      }
    })();
  }, everyMs);
  return {
    peaks: () => peaks,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
