// Settable queue attributes: defaults, validation and normalisation (CreateQueue / SetQueueAttributes),
// plus the names of the computed (read-only) ones GetQueueAttributes can return.
import { errors } from './errors.js';

export const ACCOUNT_ID = '000000000000';
export const DEFAULT_REGION = 'us-east-1';

export const DEFAULT_ATTRIBUTES: Readonly<Record<string, string>> = {
  DelaySeconds: '0',
  MaximumMessageSize: '1048576',
  MessageRetentionPeriod: '345600',
  ReceiveMessageWaitTimeSeconds: '0',
  VisibilityTimeout: '30',
  SqsManagedSseEnabled: 'true',
};

export const COMPUTED_ATTRIBUTE_NAMES = [
  'QueueArn',
  'ApproximateNumberOfMessages',
  'ApproximateNumberOfMessagesNotVisible',
  'ApproximateNumberOfMessagesDelayed',
  'CreatedTimestamp',
  'LastModifiedTimestamp',
] as const;

export interface RedrivePolicy {
  deadLetterQueueName: string;
  maxReceiveCount: number;
}

const QUEUE_NAME = /^[A-Za-z0-9_-]{1,80}$/;

export function validateQueueName(name: string): void {
  if (name.endsWith('.fifo')) throw errors.unsupportedOperation('FIFO queues are not supported by the local SQS endpoint.');
  if (!QUEUE_NAME.test(name)) {
    throw errors.invalidParameterValue(
      'Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length',
    );
  }
}

export function queueArn(region: string, name: string): string {
  return `arn:aws:sqs:${region}:${ACCOUNT_ID}:${name}`;
}

/** The queue name at the end of an SQS ARN (any region or account), or undefined if it is not one. */
export function queueNameFromArn(arn: string): string | undefined {
  const match = /^arn:aws[\w-]*:sqs:[\w-]*:\d*:([A-Za-z0-9_-]{1,80})$/.exec(arn);
  return match?.[1];
}

function integer(name: string, min: number, max: number) {
  return (value: string): string => {
    const trimmed = value.trim();
    const parsed = /^-?\d+$/.test(trimmed) ? Number(trimmed) : NaN;
    if (!Number.isSafeInteger(parsed) || parsed < min || parsed > max) {
      throw errors.invalidAttributeValue(`Invalid value for the parameter ${name}. Must be an integer from ${min} to ${max}.`);
    }
    return String(parsed);
  };
}

function boolean(name: string) {
  return (value: string): string => {
    const lower = value.trim().toLowerCase();
    if (lower !== 'true' && lower !== 'false') throw errors.invalidAttributeValue(`Invalid value for the parameter ${name}.`);
    return lower;
  };
}

const anyString = (value: string): string => value;

export function parseRedrivePolicy(value: string): RedrivePolicy {
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    throw errors.invalidAttributeValue(`Value ${value} for parameter RedrivePolicy is invalid. Reason: Redrive policy is not a valid JSON map.`);
  }
  const policy = parsed as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown } | null;
  const arn = typeof policy?.deadLetterTargetArn === 'string' ? policy.deadLetterTargetArn : undefined;
  const deadLetterQueueName = arn === undefined ? undefined : queueNameFromArn(arn);
  if (!deadLetterQueueName) {
    throw errors.invalidAttributeValue(`Value ${value} for parameter RedrivePolicy is invalid. Reason: Invalid value for deadLetterTargetArn.`);
  }
  const count = Number(policy?.maxReceiveCount);
  if (!Number.isInteger(count) || count < 1 || count > 1000) {
    throw errors.invalidAttributeValue(`Value ${value} for parameter RedrivePolicy is invalid. Reason: Invalid value for maxReceiveCount: ${String(policy?.maxReceiveCount)}, valid values are from 1 to 1000 both inclusive.`);
  }
  return { deadLetterQueueName, maxReceiveCount: count };
}

const SETTABLE: Record<string, (value: string) => string> = {
  DelaySeconds: integer('DelaySeconds', 0, 900),
  MaximumMessageSize: integer('MaximumMessageSize', 1024, 1048576),
  MessageRetentionPeriod: integer('MessageRetentionPeriod', 60, 1209600),
  ReceiveMessageWaitTimeSeconds: integer('ReceiveMessageWaitTimeSeconds', 0, 20),
  VisibilityTimeout: integer('VisibilityTimeout', 0, 43200),
  KmsDataKeyReusePeriodSeconds: integer('KmsDataKeyReusePeriodSeconds', 60, 86400),
  SqsManagedSseEnabled: boolean('SqsManagedSseEnabled'),
  KmsMasterKeyId: anyString,
  Policy: anyString,
  RedriveAllowPolicy: anyString,
  RedrivePolicy: anyString, // validated separately: it needs the queue registry
};

export function isSettableAttribute(name: string): boolean {
  return Object.hasOwn(SETTABLE, name);
}

/**
 * Validates and normalises attributes given to CreateQueue / SetQueueAttributes.
 * An empty RedrivePolicy means "remove it" (as in SQS) and is kept as ''.
 * `deadLetterQueueExists` lets the caller check that a redrive target exists.
 */
export function normaliseAttributes(
  input: Record<string, string>,
  deadLetterQueueExists: (name: string) => boolean,
): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, raw] of Object.entries(input)) {
    if (typeof raw !== 'string') throw errors.invalidAttributeValue(`Value for attribute ${name} must be a string.`);
    if (name === 'FifoQueue') {
      if (raw.trim().toLowerCase() === 'true') {
        throw errors.unsupportedOperation('FIFO queues are not supported by the local SQS endpoint.');
      }
      continue;
    }
    const normalise = SETTABLE[name];
    if (!normalise) throw errors.invalidAttributeName(name);
    if (name === 'RedrivePolicy') {
      if (raw.trim() === '') {
        result[name] = '';
        continue;
      }
      const policy = parseRedrivePolicy(raw);
      if (!deadLetterQueueExists(policy.deadLetterQueueName)) {
        throw errors.invalidAttributeValue(`Value ${raw} for parameter RedrivePolicy is invalid. Reason: Dead letter target does not exist.`);
      }
      const arn = (JSON.parse(raw) as { deadLetterTargetArn: string }).deadLetterTargetArn;
      result[name] = JSON.stringify({ deadLetterTargetArn: arn, maxReceiveCount: policy.maxReceiveCount });
      continue;
    }
    result[name] = normalise(raw);
  }
  return result;
}
