// Scheduled (EventBridge, every minute): re-send the hop message of cases stalled in transit.
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../../shared/lambda/logger.js';
import { resendStalledCases, type SweepSummary } from '../../shared/services/resend-stalled-cases.js';
import { dependencies } from '../../shared/services/wiring.js';

export const handler = middy<ScheduledEvent, SweepSummary>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const summary = await resendStalledCases(dependencies());
    logger.info('stall sweep done', { ...summary });
    return summary;
  });
