// One standard SQS queue per name in allQueueNames() (the jurisdiction levels and one per department), each
// with its own dead-letter queue. A queue that one of our functions consumes gets a visibility timeout of
// 6x that function's timeout plus the batching window (AWS's guidance for Lambda event sources), so a
// message is not handed out again while a slow batch is still being worked on.
import { Duration, Tags } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { FUNCTIONS, LEVEL_QUEUES, MAX_RECEIVE_COUNT, QUEUE_NAME_TAG, allQueueNames, dlqName } from '../topology.js';

/** How long an SQS event source waits to fill a batch; counted into the consumed queue's visibility timeout. */
export const SQS_BATCHING_WINDOW = Duration.seconds(1);

/** Queues nobody in this stack consumes (the departments' own systems poll them). */
export const UNCONSUMED_VISIBILITY_TIMEOUT = Duration.minutes(5);

export interface QueuePair {
  readonly name: string;
  readonly queue: Queue;
  readonly dlq: Queue;
  /** true when a function of this stack is triggered by the queue */
  readonly consumedHere: boolean;
}

/** The longest timeout (in seconds) among the functions triggered by this queue, or undefined if none. */
export function consumerTimeoutSeconds(queueName: string): number | undefined {
  const timeouts = FUNCTIONS.filter(
    (f) => f.trigger.kind === 'sqs' && LEVEL_QUEUES[f.trigger.queue] === queueName,
  ).map((f) => f.timeoutSeconds);
  return timeouts.length > 0 ? Math.max(...timeouts) : undefined;
}

export function visibilityTimeoutFor(queueName: string): Duration {
  const timeout = consumerTimeoutSeconds(queueName);
  if (timeout === undefined) return UNCONSUMED_VISIBILITY_TIMEOUT;
  return Duration.seconds(6 * timeout + SQS_BATCHING_WINDOW.toSeconds());
}

export class HotlineQueues extends Construct {
  private readonly pairs = new Map<string, QueuePair>();

  constructor(scope: Construct, id: string) {
    super(scope, id);

    for (const name of allQueueNames()) {
      const dlq = new Queue(this, dlqName(name), {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        retentionPeriod: Duration.days(14),
      });
      const queue = new Queue(this, name, {
        encryption: QueueEncryption.SQS_MANAGED,
        enforceSSL: true,
        visibilityTimeout: visibilityTimeoutFor(name),
        retentionPeriod: Duration.days(4),
        deadLetterQueue: { queue: dlq, maxReceiveCount: MAX_RECEIVE_COUNT },
      });
      // CloudFormation names the queues; the tag keeps the topology's name (npm run dlq:redrive finds them by it)
      Tags.of(queue).add(QUEUE_NAME_TAG, name);
      Tags.of(dlq).add(QUEUE_NAME_TAG, dlqName(name));
      this.pairs.set(name, { name, queue, dlq, consumedHere: consumerTimeoutSeconds(name) !== undefined });
    }
  }

  get all(): QueuePair[] {
    return [...this.pairs.values()];
  }

  get(name: string): QueuePair {
    const pair = this.pairs.get(name);
    if (!pair) throw new Error(`no queue named ${name}`);
    return pair;
  }
}
