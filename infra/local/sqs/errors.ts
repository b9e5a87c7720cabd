// Errors of the local SQS endpoint, shaped as the AWS JSON 1.0 protocol (query-compatible mode) sends them.
// `type` goes into the body's __type, `queryCode` into the x-amzn-query-error header; the SDK names the
// error after the modelled shape whose awsQueryError matches queryCode (e.g. QueueDoesNotExist).

export class SqsError extends Error {
  constructor(
    /** Shape name, e.g. QueueDoesNotExist; becomes `com.amazonaws.sqs#<type>` unless it contains '#'. */
    readonly type: string,
    /** Legacy query error code, e.g. AWS.SimpleQueueService.NonExistentQueue; undefined = no header. */
    readonly queryCode: string | undefined,
    message: string,
    readonly statusCode = 400,
    readonly fault: 'Sender' | 'Receiver' = 'Sender',
  ) {
    super(message);
    this.name = type;
  }

  /** The code used for per-entry failures in batch results (the query-style code, as AWS does). */
  get batchCode(): string {
    return this.queryCode ?? this.type;
  }

  toBody(): { __type: string; message: string } {
    return { __type: this.type.includes('#') ? this.type : `com.amazonaws.sqs#${this.type}`, message: this.message };
  }
}

export const errors = {
  queueDoesNotExist: () =>
    new SqsError('QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue', 'The specified queue does not exist.'),
  queueNameExists: (message: string) => new SqsError('QueueNameExists', 'QueueAlreadyExists', message),
  receiptHandleIsInvalid: (handle: string) =>
    new SqsError('ReceiptHandleIsInvalid', 'ReceiptHandleIsInvalid', `The input receipt handle "${handle}" is not a valid receipt handle.`, 404),
  messageNotInflight: () => new SqsError('MessageNotInflight', 'AWS.SimpleQueueService.MessageNotInflight', 'The message referred to is not in flight.'),
  invalidParameterValue: (message: string) => new SqsError('InvalidParameterValue', 'InvalidParameterValue', message),
  missingParameter: (name: string) =>
    new SqsError('MissingParameter', 'MissingParameter', `The request must contain the parameter ${name}.`),
  invalidAttributeName: (name: string) =>
    new SqsError('InvalidAttributeName', 'InvalidAttributeName', `Unknown Attribute ${name}.`),
  invalidAttributeValue: (message: string) => new SqsError('InvalidAttributeValue', 'InvalidAttributeValue', message),
  invalidMessageContents: (message: string) => new SqsError('InvalidMessageContents', 'InvalidMessageContents', message),
  emptyBatchRequest: () =>
    new SqsError('EmptyBatchRequest', 'AWS.SimpleQueueService.EmptyBatchRequest', 'There should be at least one entry in the request.'),
  tooManyEntriesInBatchRequest: (count: number) =>
    new SqsError('TooManyEntriesInBatchRequest', 'AWS.SimpleQueueService.TooManyEntriesInBatchRequest', `Maximum number of entries per request are 10. You have sent ${count}.`),
  batchEntryIdsNotDistinct: (id: string) =>
    new SqsError('BatchEntryIdsNotDistinct', 'AWS.SimpleQueueService.BatchEntryIdsNotDistinct', `Id ${id} repeated.`),
  invalidBatchEntryId: (id: string) =>
    new SqsError('InvalidBatchEntryId', 'AWS.SimpleQueueService.InvalidBatchEntryId', `A batch entry id can only contain alphanumeric characters, hyphens and underscores. It can be at most 80 letters long. Invalid id: ${id}`),
  batchRequestTooLong: () =>
    new SqsError('BatchRequestTooLong', 'AWS.SimpleQueueService.BatchRequestTooLong', 'Batch requests cannot be longer than 1048576 bytes.'),
  unsupportedOperation: (message: string) =>
    new SqsError('UnsupportedOperation', 'AWS.SimpleQueueService.UnsupportedOperation', message),
  serialization: (message: string) => new SqsError('com.amazon.coral.service#SerializationException', undefined, message),
  internal: (message: string) => new SqsError('InternalError', 'InternalError', message, 500, 'Receiver'),
};
