// Scheduled (EventBridge, every minute; a timer under `npm start`): urge and escalate cases whose deadlines
// are near or passed (shared/services/sla/sweep-overdue.ts).
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { ScheduledEvent } from 'aws-lambda';
import { logger } from '../../shared/lambda/logger.js';
import { sweepOverdue, type OverdueSweepSummary } from '../../shared/services/sla/sweep-overdue.js';
import { workDependencies } from '../../shared/services/work/work-wiring.js';

export const handler = middy<ScheduledEvent, OverdueSweepSummary>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const summary = await sweepOverdue(workDependencies());
    logger.info('overdue sweep done', { ...summary });
    return summary;
  });
