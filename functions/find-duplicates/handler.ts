// Scheduled (EventBridge, every minute): propose repeated requests as duplicates and raise hot-spot alerts.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../../shared/lambda/logger.js';
import { duplicateSweepDependencies } from '../../shared/services/work/duplicate-wiring.js';
import { sweepForDuplicates, type DuplicateSweepSummary } from '../../shared/services/work/find-duplicates.js';

export const handler = middy<ScheduledEvent, DuplicateSweepSummary>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const summary = await sweepForDuplicates(duplicateSweepDependencies());
    logger.info('duplicate sweep done', { ...summary });
    return summary;
  });
