// The real dependencies, made once per process (a Lambda cold start, or the local runtime).
import { dynamoDocumentClient, sqs } from '../adapters/aws-clients.js';
import { CaseNumberSequence } from '../adapters/dynamo/case-number-sequence.js';
import { CaseRepository } from '../adapters/dynamo/case-repository.js';
import { IntakeIdempotencyStore } from '../adapters/dynamo/intake-idempotency-store.js';
import { UnitFiguresStore } from '../adapters/dynamo/unit-figures-store.js';
import { QueuePublisher, queueUrlsFromEnv } from '../adapters/sqs/queue-publisher.js';
import { ENV, requireEnv, stallAfterMs } from '../config.js';
import { ruleClassifier } from '../domain/classification/rule-classifier.js';
import { huangpuRouter, huangpuDistrict } from '../domain/routing/huangpu-router.js';
import type { Dependencies } from './dependencies.js';

let cached: Dependencies | undefined;

export function dependencies(): Dependencies {
  if (cached) return cached;
  const db = dynamoDocumentClient();
  const table = requireEnv(ENV.table);
  cached = {
    cases: new CaseRepository(db, table, stallAfterMs()),
    idempotency: new IntakeIdempotencyStore(db, table),
    sequence: new CaseNumberSequence(db, table),
    figures: new UnitFiguresStore(db, table),
    queues: new QueuePublisher(sqs(), queueUrlsFromEnv()),
    classifier: ruleClassifier,
    router: huangpuRouter,
    district: huangpuDistrict,
    now: () => new Date(),
  };
  return cached;
}
