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
import type { Classifier } from '../domain/classification/classifier.js';
import { huangpuDistrict } from '../domain/routing/huangpu-router.js';
import { routerFromEnv } from './routing-config.js';
import type { Dependencies } from './dependencies.js';

let cached: Dependencies | undefined;
let classifierFactory: (() => Classifier) | undefined;

/**
 * An object that stands for the one `make` builds, built on first use. Copying the dependencies (`{ ...deps }`,
 * as the task and triage wiring do) copies the stand-in and builds nothing.
 */
function builtOnFirstUse<T extends object>(make: () => T): T {
  let real: T | undefined;
  return new Proxy({} as T, {
    get(_target, property) {
      real ??= make();
      const value = Reflect.get(real, property, real) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(real) : value;
    },
  });
}

/**
 * The functions that classify (intake, Open311 intake) hand in the classifier here, so its model is bundled
 * into those functions only (see shared/services/classifier-wiring.ts), not into every function that wires.
 */
export function provideClassifier(factory: () => Classifier): void {
  classifierFactory = factory;
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
    router: builtOnFirstUse(routerFromEnv),
    district: huangpuDistrict,
    // real time on AWS; under `npm start -- --clock-speed N`, the local runtime's faster clock
    now: systemNow,
  };
  return cached;
}
