// The SQS API operations of the local endpoint: each takes the decoded JSON input of one request
// (AWS JSON 1.0, as @aws-sdk/client-sqs sends it) and returns the JSON output, or throws SqsError.
import { errors, SqsError } from './errors.js';
import { md5Hex, md5OfAttributes, type MessageAttributeValue } from './md5.js';
import { messageSize, parseMessageAttributes, parseSystemAttributes, validateBody } from './message-validation.js';
import { ACCOUNT_ID, COMPUTED_ATTRIBUTE_NAMES, isSettableAttribute, queueArn } from './queue-attributes.js';
import type { Queue, ReceivedMessage } from './queue.js';
import type { QueueStore } from './store.js';

type Input = Record<string, unknown>;
type Output = Record<string, unknown>;

export interface RequestContext {
  /** Region from the request's SigV4 credential scope (used in ARNs). */
  region: string;
  /** Reported as SenderId: the caller's access key id. */
  senderId: string;
  /** http://host:port of this endpoint, for queue URLs. */
  baseUrl: string;
  /** Aborted when the client goes away (ends long polls). */
  signal: AbortSignal;
}

export type Operation = (input: Input, ctx: RequestContext) => Output | Promise<Output>;

const SYSTEM_ATTRIBUTE_NAMES = new Set([
  'SenderId',
  'SentTimestamp',
  'ApproximateReceiveCount',
  'ApproximateFirstReceiveTimestamp',
  'SequenceNumber',
  'MessageDeduplicationId',
  'MessageGroupId',
  'AWSTraceHeader',
  'DeadLetterQueueSourceArn',
]);
const FIFO_ONLY_ATTRIBUTES = new Set(['FifoQueue', 'ContentBasedDeduplication', 'DeduplicationScope', 'FifoThroughputLimit']);
const BATCH_ENTRY_ID = /^[A-Za-z0-9_-]{1,80}$/;
const MAX_BATCH_BYTES = 1048576;

// ---- input helpers ---------------------------------------------------------------------------------

function optionalString(input: Input, key: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw errors.invalidParameterValue(`Value for parameter ${key} must be a string.`);
  return value;
}

function requiredString(input: Input, key: string): string {
  const value = optionalString(input, key);
  if (value === undefined) throw errors.missingParameter(key);
  return value;
}

function optionalInteger(input: Input, key: string, min: number, max: number): number | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) {
    throw errors.invalidParameterValue(`Value ${String(value)} for parameter ${key} is invalid. Reason: Must be between ${min} and ${max}.`);
  }
  return n;
}

function optionalStringList(input: Input, key: string): string[] {
  const value = input[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw errors.invalidParameterValue(`Value for parameter ${key} must be a list of strings.`);
  }
  return value as string[];
}

function optionalStringMap(input: Input, key: string): Record<string, string> {
  const value = input[key];
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value) || Object.values(value).some((v) => typeof v !== 'string')) {
    throw errors.invalidParameterValue(`Value for parameter ${key} must be a map of strings.`);
  }
  return value as Record<string, string>;
}

/** Entries of a batch request, checked as SQS does (1–10 entries, distinct well-formed ids). */
function batchEntries(input: Input): Input[] {
  const entries = input.Entries;
  if (entries === undefined || entries === null) throw errors.missingParameter('Entries');
  if (!Array.isArray(entries)) throw errors.invalidParameterValue('Entries must be a list.');
  if (entries.length === 0) throw errors.emptyBatchRequest();
  if (entries.length > 10) throw errors.tooManyEntriesInBatchRequest(entries.length);
  const seen = new Set<string>();
  for (const entry of entries as unknown[]) {
    if (typeof entry !== 'object' || entry === null) throw errors.invalidParameterValue('Each batch entry must be an object.');
    const id = (entry as Input).Id;
    if (typeof id !== 'string' || !BATCH_ENTRY_ID.test(id)) throw errors.invalidBatchEntryId(String(id));
    if (seen.has(id)) throw errors.batchEntryIdsNotDistinct(id);
    seen.add(id);
  }
  return entries as Input[];
}

/** Runs one batch entry; SqsErrors become per-entry failures, anything else fails the request. */
function runEntry(entry: Input, successful: Output[], failed: Output[], run: () => Output): void {
  try {
    successful.push({ Id: entry.Id, ...run() });
  } catch (error) {
    if (!(error instanceof SqsError)) throw error;
    failed.push({ Id: entry.Id, SenderFault: error.fault === 'Sender', Code: error.batchCode, Message: error.message });
  }
}

/** The queue name is the last path segment of the URL: the host and port do not matter. */
export function queueNameFromUrl(queueUrl: string): string {
  const path = queueUrl.split(/[?#]/)[0]!.replace(/\/+$/, '');
  return path.slice(path.lastIndexOf('/') + 1);
}

// ---- operations ------------------------------------------------------------------------------------

export function createOperations(store: QueueStore): Record<string, Operation> {
  const urlOf = (ctx: RequestContext, name: string) => `${ctx.baseUrl}/${ACCOUNT_ID}/${name}`;
  const queueOf = (input: Input): Queue => store.getQueue(queueNameFromUrl(requiredString(input, 'QueueUrl')));

  function sendOne(queue: Queue, input: Input, ctx: RequestContext): Output {
    const body = requiredString(input, 'MessageBody');
    validateBody(body);
    if (input.MessageGroupId != null || input.MessageDeduplicationId != null) {
      throw errors.invalidParameterValue('The request include parameter that is not valid for this queue type');
    }
    const delaySeconds = optionalInteger(input, 'DelaySeconds', 0, 900) ?? queue.delaySeconds;
    const attributes = parseMessageAttributes(input.MessageAttributes);
    const systemAttributes = parseSystemAttributes(input.MessageSystemAttributes);
    const size = messageSize(body, attributes);
    if (size > queue.maximumMessageSize) {
      throw errors.invalidParameterValue(`One or more parameters are invalid. Reason: Message must be shorter than ${queue.maximumMessageSize} bytes.`);
    }
    const msg = queue.enqueue({ body, md5OfBody: md5Hex(body), attributes, systemAttributes, senderId: ctx.senderId, delaySeconds });
    const md5OfMessageAttributes = md5OfAttributes(attributes);
    const md5OfMessageSystemAttributes = md5OfAttributes(systemAttributes);
    return {
      MessageId: msg.id,
      MD5OfMessageBody: msg.md5OfBody,
      ...(md5OfMessageAttributes ? { MD5OfMessageAttributes: md5OfMessageAttributes } : {}),
      ...(md5OfMessageSystemAttributes ? { MD5OfMessageSystemAttributes: md5OfMessageSystemAttributes } : {}),
    };
  }

  function formatReceived(received: ReceivedMessage, systemNames: Set<string>, attributeNames: string[], ctx: RequestContext): Output {
    const { message } = received;
    const all = systemNames.has('All');
    const want = (name: string) => all || systemNames.has(name);
    const attributes: Record<string, string> = {};
    if (want('SenderId')) attributes.SenderId = message.senderId;
    if (want('SentTimestamp')) attributes.SentTimestamp = String(message.sentAt);
    if (want('ApproximateReceiveCount')) attributes.ApproximateReceiveCount = String(received.receiveCount);
    if (want('ApproximateFirstReceiveTimestamp')) attributes.ApproximateFirstReceiveTimestamp = String(received.firstReceiveAt);
    const trace = message.systemAttributes.AWSTraceHeader?.StringValue;
    if (trace !== undefined && want('AWSTraceHeader')) attributes.AWSTraceHeader = trace;
    if (message.deadLetterSourceQueue !== undefined && want('DeadLetterQueueSourceArn')) {
      attributes.DeadLetterQueueSourceArn = queueArn(ctx.region, message.deadLetterSourceQueue);
    }

    const selected: Record<string, MessageAttributeValue> = {};
    for (const [name, value] of Object.entries(message.attributes)) {
      const match = attributeNames.some(
        (pattern) => pattern === 'All' || pattern === '.*' || pattern === name || (pattern.endsWith('.*') && name.startsWith(pattern.slice(0, -1))),
      );
      if (match) selected[name] = value;
    }
    const md5OfMessageAttributes = md5OfAttributes(selected);
    return {
      MessageId: message.id,
      ReceiptHandle: received.receiptHandle,
      MD5OfBody: message.md5OfBody,
      Body: message.body,
      ...(Object.keys(attributes).length > 0 ? { Attributes: attributes } : {}),
      ...(md5OfMessageAttributes ? { MD5OfMessageAttributes: md5OfMessageAttributes, MessageAttributes: selected } : {}),
    };
  }

  return {
    CreateQueue(input, ctx) {
      const name = requiredString(input, 'QueueName');
      store.createQueue(name, optionalStringMap(input, 'Attributes'), optionalStringMap(input, 'tags'));
      return { QueueUrl: urlOf(ctx, name) };
    },

    GetQueueUrl(input, ctx) {
      const name = requiredString(input, 'QueueName');
      const owner = optionalString(input, 'QueueOwnerAWSAccountId');
      if (owner !== undefined && owner !== ACCOUNT_ID) throw errors.queueDoesNotExist();
      return { QueueUrl: urlOf(ctx, store.getQueue(name).name) };
    },

    ListQueues(input, ctx) {
      const names = store.listQueueNames(optionalString(input, 'QueueNamePrefix') ?? '');
      const maxResults = optionalInteger(input, 'MaxResults', 1, 1000);
      let start = 0;
      const token = optionalString(input, 'NextToken');
      if (token !== undefined && maxResults !== undefined) {
        start = Number(Buffer.from(token, 'base64url').toString('utf8'));
        if (!Number.isInteger(start) || start < 0) throw errors.invalidParameterValue('Invalid NextToken value.');
      }
      const end = start + (maxResults ?? 1000);
      const page = names.slice(start, end);
      return {
        ...(page.length > 0 ? { QueueUrls: page.map((n) => urlOf(ctx, n)) } : {}),
        ...(maxResults !== undefined && end < names.length ? { NextToken: Buffer.from(String(end)).toString('base64url') } : {}),
      };
    },

    DeleteQueue(input) {
      store.deleteQueue(queueOf(input).name);
      return {};
    },

    PurgeQueue(input) {
      queueOf(input).purge();
      return {};
    },

    GetQueueAttributes(input, ctx) {
      const queue = queueOf(input);
      const requested = optionalStringList(input, 'AttributeNames');
      const all = requested.includes('All');
      const values: Record<string, string> = {};
      const counts = queue.approximateCounts();
      const computed: Record<(typeof COMPUTED_ATTRIBUTE_NAMES)[number], string> = {
        QueueArn: queueArn(ctx.region, queue.name),
        ApproximateNumberOfMessages: String(counts.visible),
        ApproximateNumberOfMessagesNotVisible: String(counts.inflight),
        ApproximateNumberOfMessagesDelayed: String(counts.delayed),
        CreatedTimestamp: String(Math.floor(queue.createdAt / 1000)),
        LastModifiedTimestamp: String(Math.floor(queue.lastModifiedAt / 1000)),
      };
      const names = all ? [...Object.keys(queue.attributes), ...COMPUTED_ATTRIBUTE_NAMES] : requested;
      for (const name of names) {
        if (Object.hasOwn(computed, name)) values[name] = computed[name as keyof typeof computed];
        else if (Object.hasOwn(queue.attributes, name)) values[name] = queue.attributes[name]!;
        else if (!isSettableAttribute(name) && !FIFO_ONLY_ATTRIBUTES.has(name)) throw errors.invalidAttributeName(name);
      }
      return Object.keys(values).length > 0 ? { Attributes: values } : {};
    },

    SetQueueAttributes(input) {
      const queue = queueOf(input);
      const attributes = input.Attributes;
      if (attributes === undefined || attributes === null) throw errors.missingParameter('Attributes');
      store.setQueueAttributes(queue, optionalStringMap(input, 'Attributes'));
      return {};
    },

    ListDeadLetterSourceQueues(input, ctx) {
      const queue = queueOf(input);
      return { queueUrls: store.deadLetterSourceNames(queue.name).map((n) => urlOf(ctx, n)) };
    },

    TagQueue(input) {
      const queue = queueOf(input);
      Object.assign(queue.tags, optionalStringMap(input, 'Tags'));
      store.changed();
      return {};
    },

    UntagQueue(input) {
      const queue = queueOf(input);
      for (const key of optionalStringList(input, 'TagKeys')) delete queue.tags[key];
      store.changed();
      return {};
    },

    ListQueueTags(input) {
      const queue = queueOf(input);
      return Object.keys(queue.tags).length > 0 ? { Tags: { ...queue.tags } } : {};
    },

    SendMessage(input, ctx) {
      return sendOne(queueOf(input), input, ctx);
    },

    SendMessageBatch(input, ctx) {
      const queue = queueOf(input);
      const entries = batchEntries(input);
      let total = 0;
      for (const entry of entries) {
        const body = typeof entry.MessageBody === 'string' ? entry.MessageBody : '';
        total += messageSize(body, parseMessageAttributesLenient(entry.MessageAttributes));
      }
      if (total > MAX_BATCH_BYTES) throw errors.batchRequestTooLong();
      const successful: Output[] = [];
      const failed: Output[] = [];
      for (const entry of entries) runEntry(entry, successful, failed, () => sendOne(queue, entry, ctx));
      return { Successful: successful, Failed: failed };
    },

    async ReceiveMessage(input, ctx) {
      const queue = queueOf(input);
      const maxMessages = optionalInteger(input, 'MaxNumberOfMessages', 1, 10) ?? 1;
      const visibilityTimeoutSeconds = optionalInteger(input, 'VisibilityTimeout', 0, 43200);
      const waitSeconds = optionalInteger(input, 'WaitTimeSeconds', 0, 20) ?? queue.receiveMessageWaitTimeSeconds;
      const systemNames = new Set([...optionalStringList(input, 'AttributeNames'), ...optionalStringList(input, 'MessageSystemAttributeNames')]);
      for (const name of optionalStringList(input, 'MessageSystemAttributeNames')) {
        if (name !== 'All' && !SYSTEM_ATTRIBUTE_NAMES.has(name)) throw errors.invalidAttributeName(name);
      }
      const attributeNames = optionalStringList(input, 'MessageAttributeNames');
      const received = await queue.receive(
        { maxMessages, ...(visibilityTimeoutSeconds !== undefined ? { visibilityTimeoutSeconds } : {}) },
        waitSeconds,
        ctx.signal,
      );
      if (received.length === 0) return {};
      return { Messages: received.map((r) => formatReceived(r, systemNames, attributeNames, ctx)) };
    },

    DeleteMessage(input) {
      queueOf(input).deleteMessage(requiredString(input, 'ReceiptHandle'));
      return {};
    },

    DeleteMessageBatch(input) {
      const queue = queueOf(input);
      const successful: Output[] = [];
      const failed: Output[] = [];
      for (const entry of batchEntries(input)) {
        runEntry(entry, successful, failed, () => {
          queue.deleteMessage(requiredString(entry, 'ReceiptHandle'));
          return {};
        });
      }
      return { Successful: successful, Failed: failed };
    },

    ChangeMessageVisibility(input) {
      const queue = queueOf(input);
      const handle = requiredString(input, 'ReceiptHandle');
      const timeout = optionalInteger(input, 'VisibilityTimeout', 0, 43200);
      if (timeout === undefined) throw errors.missingParameter('VisibilityTimeout');
      queue.changeVisibility(handle, timeout);
      return {};
    },

    ChangeMessageVisibilityBatch(input) {
      const queue = queueOf(input);
      const successful: Output[] = [];
      const failed: Output[] = [];
      for (const entry of batchEntries(input)) {
        runEntry(entry, successful, failed, () => {
          const handle = requiredString(entry, 'ReceiptHandle');
          const timeout = optionalInteger(entry, 'VisibilityTimeout', 0, 43200);
          if (timeout === undefined) throw errors.missingParameter('VisibilityTimeout');
          queue.changeVisibility(handle, timeout);
          return {};
        });
      }
      return { Successful: successful, Failed: failed };
    },
  };
}

/** For the batch size check only: malformed attributes are reported per entry later. */
function parseMessageAttributesLenient(raw: unknown): Record<string, MessageAttributeValue> {
  try {
    return parseMessageAttributes(raw);
  } catch {
    return {};
  }
}
