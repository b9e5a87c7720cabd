// Scheduled (EventBridge, every 30 minutes): removes the personal data of cases past their retention period, keeping
// the cases' anonymous facts and every figure (docs/reliability.md, "Personal data").
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { ScheduledEvent } from 'aws-lambda';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.js';
import { PersonalDataStore } from '../../shared/adapters/dynamo/personal-data-store.js';
import { ENV, requireEnv } from '../../shared/config.js';
import { retentionPolicyFrom } from '../../shared/domain/personal-data-retention.js';
import { logger } from '../../shared/lambda/logger.js';
import { expirePersonalData, type RetentionSummary } from '../../shared/services/expire-personal-data.js';
import { dependencies } from '../../shared/services/wiring.js';

export const handler = middy<ScheduledEvent, RetentionSummary>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async () => {
    const deps = dependencies();
    const summary = await expirePersonalData({
      cases: deps.cases,
      personalData: new PersonalDataStore(dynamoDocumentClient(), requireEnv(ENV.table)),
      now: deps.now,
      policy: retentionPolicyFrom({ retentionDays: process.env[ENV.personalDataRetentionDays], openGraceDays: process.env[ENV.personalDataOpenGraceDays] }),
    });
    logger.info('personal data retention sweep done', { ...summary });
    return summary;
  });
