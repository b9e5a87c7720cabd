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
import { builtOnFirstUse } from '../domain/built-on-first-use.js';
import type { Classifier } from '../domain/classification/classifier.js';
import { HUANGPU_DISTRICT } from '../domain/jurisdiction/huangpu-district.js';
import type { Router } from '../domain/routing/router.js';
import type { Dependencies } from './dependencies.js';

let cached: Dependencies | undefined;
let classifierFactory: (() => Classifier) | undefined;
let routerFactory: (() => Router) | undefined;

/**
 * The functions that classify (intake, Open311 intake) hand in the classifier here, so its model is bundled
 * into those functions only (see shared/services/classifier-wiring.ts), not into every function that wires.
 */
export function provideClassifier(factory: () => Classifier): void {
  classifierFactory = factory;
}

/**
 * The functions that route (the dispatch hops, triage and dispute decisions) hand in the router here, so the
 * jurisdiction file and its indexes are bundled into those functions only (shared/services/routing-wiring.ts).
 */
export function provideRouter(factory: () => Router): void {
  routerFactory = factory;
}

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
    classifier: builtOnFirstUse(() => {
      if (!classifierFactory) throw new Error('this function does not classify: its handler must import shared/services/classifier-wiring.js');
      return classifierFactory();
    }),
    router: builtOnFirstUse(() => {
      if (!routerFactory) throw new Error('this function does not route: its handler must import shared/services/routing-wiring.js');
      return routerFactory();
    }),
    district: { ...HUANGPU_DISTRICT },
    // real time on AWS; under `npm start -- --clock-speed N`, the local runtime's faster clock
    now: systemNow,
  };
  return cached;
}
