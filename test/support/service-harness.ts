// Real services against embedded DynamoDB (dynalite, or DynamoDB Local when DYNAMO_ENGINE=dynamodb-local),
// with queues recorded in memory, so each hop can be driven — and redelivered — by hand.
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CaseNumberSequence } from '../../shared/adapters/dynamo/case-number-sequence.js';
import { CaseRepository } from '../../shared/adapters/dynamo/case-repository.js';
import { IntakeIdempotencyStore } from '../../shared/adapters/dynamo/intake-idempotency-store.js';
import { UnitFiguresStore } from '../../shared/adapters/dynamo/unit-figures-store.js';
import { CountedEventLedger } from '../../shared/adapters/dynamo/counted-event-ledger.js';
import { OverdueBoardStore } from '../../shared/adapters/dynamo/overdue-board-store.js';
import { DeadlineWatchStore } from '../../shared/adapters/dynamo/deadline-watch-store.js';
import { ruleClassifier } from '../../shared/domain/classification/rule-classifier.js';
import { huangpuDistrict, huangpuRouter } from '../../shared/domain/routing/huangpu-router.js';
import type { Dependencies } from '../../shared/services/dependencies.js';
import { ensureTable } from '../../infra/local/dynamo/table-definition.js';
import { localDynamoClient, startTestDynamo } from '../../infra/local/dynamo/test-dynamo.js';
import { RecordingQueues } from './recording-queues.js';

export interface Harness {
  deps: Dependencies & { queues: RecordingQueues };
  db: DynamoDBDocumentClient;
  tableName: string;
  /** moves the clock the services see */
  setNow(iso: string): void;
  close(): Promise<void>;
}

let tableCounter = 0;

export async function startHarness(): Promise<Harness> {
  const dynamo = await startTestDynamo();
  const client = localDynamoClient(dynamo.endpoint);
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const tableName = `hotline-test-${process.pid}-${++tableCounter}`;
  await ensureTable(client, tableName);
  let now = new Date('2026-11-23T02:00:00.000Z');
  const deps = {
    cases: new CaseRepository(db, tableName),
    idempotency: new IntakeIdempotencyStore(db, tableName),
    sequence: new CaseNumberSequence(db, tableName),
    figures: new UnitFiguresStore(db, tableName),
    countedEvents: new CountedEventLedger(db, tableName),
    overdueBoards: new OverdueBoardStore(db, tableName),
    watches: new DeadlineWatchStore(db, tableName),
    queues: new RecordingQueues(),
    classifier: ruleClassifier,
    router: huangpuRouter,
    district: huangpuDistrict,
    now: () => now,
  };
  return {
    deps,
    db,
    tableName,
    setNow: (iso) => {
      now = new Date(iso);
    },
    close: async () => {
      client.destroy();
      await dynamo.close();
    },
  };
}
