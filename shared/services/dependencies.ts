// What the services need from the outside world, as one object, so handlers and tests wire it their way.
import type { CaseRepository } from '../adapters/dynamo/case-repository.js';
import type { CaseNumberSequence } from '../adapters/dynamo/case-number-sequence.js';
import type { IntakeIdempotencyStore } from '../adapters/dynamo/intake-idempotency-store.js';
import type { UnitFiguresStore } from '../adapters/dynamo/unit-figures-store.js';
import type { CountedEventLedger } from '../adapters/dynamo/counted-event-ledger.js';
import type { OverdueBoardStore } from '../adapters/dynamo/overdue-board-store.js';
import type { DeadlineWatchStore } from '../adapters/dynamo/deadline-watch-store.js';
import type { HopQueues } from '../adapters/sqs/queue-publisher.js';
import type { UnitRef } from '../domain/case.js';
import type { Classifier } from '../domain/classification/classifier.js';
import type { Router } from '../domain/routing/router.js';

export interface Dependencies {
  cases: CaseRepository;
  idempotency: IntakeIdempotencyStore;
  sequence: CaseNumberSequence;
  figures: UnitFiguresStore;
  /** which events were counted in the figures (count-event.ts) */
  countedEvents: CountedEventLedger;
  /** overdue-now per unit */
  overdueBoards: OverdueBoardStore;
  /** the byDue index as the overdue sweep reads it, and deadlines watched apart from a case's own clocks */
  watches: DeadlineWatchStore;
  queues: HopQueues;
  classifier: Classifier;
  router: Router;
  district: UnitRef;
  now: () => Date;
}
