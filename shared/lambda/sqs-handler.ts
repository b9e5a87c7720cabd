// Wraps a queue consumer: each record's body is checked against its schema and processed on its own; the
// failed ones are reported back (ReportBatchItemFailures) so only they are retried, and after the queue's
// maxReceiveCount they go to its DLQ.
import middy from '@middy/core';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { z } from 'zod';
import { logger } from './logger.js';

export type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

export class PoisonMessageError extends Error {
  override name = 'PoisonMessageError';
}

export function sqsHandler<T>(schema: z.ZodType<T>, handle: (message: T, record: SQSRecord) => Promise<void>): SqsHandler {
  const recordHandler = async (record: SQSRecord): Promise<void> => {
    let body: unknown;
    try {
      body = JSON.parse(record.body);
    } catch {
      throw new PoisonMessageError(`message ${record.messageId} is not JSON`);
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new PoisonMessageError(`message ${record.messageId} has an unexpected shape: ${parsed.error.issues.map((i) => i.path.join('.') || i.message).join(', ')}`);
    try {
      await handle(parsed.data, record);
    } catch (error) {
      logger.warn('message failed; it will be retried', {
        messageId: record.messageId,
        receiveCount: record.attributes.ApproximateReceiveCount,
        error: { name: (error as Error).name, message: (error as Error).message },
      });
      throw error;
    }
  };
  return middy<SQSEvent, SQSBatchResponse>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    // A processor per invocation: it keeps the batch's failures as state, and a processor shared by two
    // invocations running at once (the local pollers; anything that calls the handler concurrently) would
    // report one batch's failures as the other's, so a failed message would be deleted instead of retried.
    .handler((event, context) =>
      processPartialResponse(event, recordHandler, new BatchProcessor(EventType.SQS), { context, throwOnFullBatchFailure: false }),
    ) as unknown as SqsHandler;
}
