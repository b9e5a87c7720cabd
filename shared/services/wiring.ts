// The real dependencies, made once per process (a Lambda cold start, or the local runtime).
import { dynamoDocumentClient, sqs } from '../adapters/aws-clients.js';
import { CaseNumberSequence } from '../adapters/dynamo/case-number-sequence.js';
import { CaseRepository } from '../adapters/dynamo/case-repository.js';
import { IntakeIdempotencyStore } from '../adapters/dynamo/intake-idempotency-store.js';
import { UnitFiguresStore } from '../adapters/dynamo/unit-figures-store.js';
import { CountedEventLedger } from '../adapters/dynamo/counted-event-ledger.js';
import { OverdueBoardStore } from '../adapters/dynamo/overdue-board-store.js';
import { DeadlineWatchStore } from '../adapters/dynamo/deadline-watch-store.js';
import { QueuePublisher, queueUrlsFromEnv } from '../adapters/sqs/queue-publisher.js';
import { systemNow } from '../clock.js';
import { ENV, requireEnv, stallAfterMs } from '../config.js';
import { createHotlineClassifier } from '../domain/classification/hotline-classifier.js';
import { classifierSettingsFromEnv } from './classifier-settings.js';
import { huangpuDistrict } from '../domain/routing/huangpu-router.js';
import { routerFromEnv } from './routing-config.js';
import type { Dependencies } from './dependencies.js';

let cached: Dependencies | undefined;
let classifier: Dependencies['classifier'] | undefined;
let router: Dependencies['router'] | undefined;

export function dependencies(): Dependencies {
  if (cached) return cached;
  const db = dynamoDocumentClient();
  const table = requireEnv(ENV.table);
  cached = {
    cases: new CaseRepository(db, table, stallAfterMs()),
    idempotency: new IntakeIdempotencyStore(db, table),
    sequence: new CaseNumberSequence(db, table),
    figures: new UnitFiguresStore(db, table),
    countedEvents: new CountedEventLedger(db, table),
    overdueBoards: new OverdueBoardStore(db, table),
    watches: new DeadlineWatchStore(db, table),
    queues: new QueuePublisher(sqs(), queueUrlsFromEnv()),
    // built on first use: loading the model and indexing the jurisdiction cost cold-start time that only
    // the functions which classify or route should pay
    get classifier() {
      return (classifier ??= createHotlineClassifier(classifierSettingsFromEnv()));
    },
    get router() {
      return (router ??= routerFromEnv());
    },
    district: huangpuDistrict,
    // real time on AWS; under `npm start -- --clock-speed N`, the local runtime's faster clock
    now: systemNow,
  };
  return cached;
}
