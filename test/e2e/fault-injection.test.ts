// Faults, end to end: cases sent through the local runtime while its functions throw, time out mid-batch,
// run twice, lose their answers, see messages again and out of order, and some of their writes fail or lose
// their answers. Then: every case at rest with exactly one owner, each transition once on its timeline, the
// figures equal to what the cases say, every department task delivered, no message left in any DLQ.
//
//   FAULT_CASES=3000 npx vitest run test/e2e/fault-injection.test.ts   (the full run; CI sends 300)
//   FAULT_SEED=<n> repeats a run's random choices (printed at the end).
import { readFileSync } from 'node:fs';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultsInjected } from '../../infra/local/faults/fault-stats.js';
import { localDynamoClient, LOCAL_CREDENTIALS, LOCAL_REGION } from '../../infra/local/dynamo/local-client.js';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import { allQueueNames, departmentQueueName, LEVEL_QUEUES } from '../../infra/topology.js';
import { DEPARTMENTS } from '../../shared/domain/departments.js';
import { sendCases, type SentCase } from './fault-injection/case-sender.js';
import { depths, readAllBodies } from './fault-injection/queue-audit.js';
import { figureDifferences, ownerProblems, readTable, SETTLED_OWNER_LEVEL, timelineProblems, type TableSnapshot } from './fault-injection/table-audit.js';

const CASES = Number(process.env.FAULT_CASES ?? 300);
const SEED = process.env.FAULT_SEED ? Number(process.env.FAULT_SEED) : Math.floor(Math.random() * 2 ** 31);
const SETTLE_TIMEOUT_MS = Math.max(60_000, CASES * 200);

// The stall sweep must see cases that sit in transit (a send that failed) within the test: 3 s, not 5 min.
process.env.STALL_AFTER_SECONDS = '3';
// The per-caller intake limit would (rightly) refuse thousands of cases from the same few demo callers.
process.env.INTAKE_RATE_LIMIT_PER_PHONE = '0';
// Thousands of info lines help no one here; warnings and errors (each failed message) still show.
process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
// FAULT_SDK=0 leaves the SDK-level faults out (to tell their effects from the handler-level ones).
const SDK_RATE = process.env.FAULT_SDK === '0' ? 0 : 0.005;

const bodies = (JSON.parse(readFileSync(new URL('../../events/demo/requests.json', import.meta.url), 'utf8')) as { requests: unknown[] }).requests;

let runtime: LocalRuntime;
let sqs: SQSClient;
let dynamo: DynamoDBClient;
let sent: SentCase[];
let table: TableSnapshot;
let sendMs = 0;
let settleMs = 0;

const levelQueues = () => Object.fromEntries(Object.values(LEVEL_QUEUES).map((name) => [name, runtime.queueUrls[name]!.url]));
const deadLetterQueues = () => Object.fromEntries(allQueueNames().map((name) => [`${name}-dlq`, runtime.queueUrls[name]!.dlqUrl]));

async function settled(): Promise<boolean> {
  const queued = await depths(sqs, levelQueues());
  if (Object.values(queued).some((n) => n > 0)) return false;
  const snapshot = await readTable(dynamo, runtime.tableName);
  return [...snapshot.cases.values()].every((c) => SETTLED_OWNER_LEVEL[c.status] !== undefined);
}

beforeAll(async () => {
  runtime = await startLocalRuntime({
    port: 0,
    visibilityTimeoutSeconds: 2,
    scheduleEveryMs: 1000,
    faults: {
      seed: SEED,
      throwRate: 0.05,
      timeoutRate: 0.05,
      duplicateRate: 0.1,
      redeliverRate: 0.05,
      shuffleBatches: true,
      deliveryJitterMs: 300,
      httpFailBeforeRate: 0.03,
      httpLostAnswerRate: 0.03,
      scheduleThrowRate: 0.2,
      scheduleDuplicateRate: 0.3,
      sdkFailRate: SDK_RATE,
      sdkLostAnswerRate: SDK_RATE,
      maxFaultsPerMessage: 2,
    },
  });
  sqs = new SQSClient({ endpoint: runtime.sqsEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  dynamo = localDynamoClient(runtime.dynamoEndpoint);

  let started = Date.now();
  sent = await sendCases({ apiUrl: runtime.apiUrl, bodies, count: CASES, keyPrefix: `fault-${SEED}`, concurrency: 16, maxAttempts: 10 });
  sendMs = Date.now() - started;

  started = Date.now();
  const deadline = Date.now() + SETTLE_TIMEOUT_MS;
  while (!(await settled()) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
  settleMs = Date.now() - started;
  table = await readTable(dynamo, runtime.tableName);
}, 30 * 60_000);

afterAll(async () => {
  sqs?.destroy();
  dynamo?.destroy();
  await runtime?.stop();
});

describe(`fault injection: ${CASES} cases`, () => {
  it('injected faults of every kind', () => {
    const stats = runtime.faults!.stats;
    expect(stats.sqsThrown).toBeGreaterThan(0);
    expect(stats.sqsTimedOut).toBeGreaterThan(0);
    expect(stats.sqsDuplicated).toBeGreaterThan(0);
    expect(stats.sqsRedelivered).toBeGreaterThan(0);
    expect(stats.httpFailedBefore + stats.httpLostAnswers).toBeGreaterThan(0);
    if (SDK_RATE > 0) expect(stats.sdkFailed + stats.sdkLostAnswers).toBeGreaterThan(0);
  });

  it('answered every request with its case, one case per Idempotency-Key', () => {
    const unanswered = sent.filter((s) => !s.caseId);
    expect(unanswered.map((s) => `${s.key}: ${s.statuses.join(',')}`)).toEqual([]);
    const ids = sent.map((s) => s.caseId);
    expect(new Set(ids).size).toBe(CASES);
  });

  it('lost no case and made no extra one', () => {
    const stored = new Set(table.cases.keys());
    const lost = sent.filter((s) => s.caseId && !stored.has(s.caseId));
    expect(lost.map((s) => s.caseId)).toEqual([]);
    expect(table.cases.size).toBe(CASES);
  });

  it('brought every case to rest with exactly one owner', () => {
    expect(ownerProblems(table)).toEqual([]);
  });

  it('recorded each transition once, in order, on every timeline', () => {
    const { problems, duplicatedTransitions } = timelineProblems(table);
    expect(problems).toEqual([]);
    expect(duplicatedTransitions).toBe(0);
  });

  it('keeps figures equal to what the cases say', () => {
    expect(figureDifferences(table)).toEqual([]);
  });

  it("delivered a task for every department case to that department's queue, and to no other", async () => {
    const holders = new Map<string, Set<string>>();
    for (const d of DEPARTMENTS) {
      for (const body of await readAllBodies(sqs, runtime.queueUrls[departmentQueueName(d.code)]!.url)) {
        const caseId = (JSON.parse(body) as { caseId: string }).caseId;
        holders.set(caseId, (holders.get(caseId) ?? new Set()).add(d.code));
      }
    }
    const wrong: string[] = [];
    for (const [caseId, record] of table.cases) {
      const expected = record.status === 'dispatched_to_department' ? [record.owner.code] : [];
      const held = [...(holders.get(caseId) ?? [])];
      if (held.join() !== expected.join()) wrong.push(`${caseId} (${record.status}, v${record.version}): tasks in [${held.join()}], expected [${expected.join()}]`);
    }
    expect(wrong).toEqual([]);
  });

  it('left nothing in any dead-letter queue', async () => {
    const dlqs = await depths(sqs, deadLetterQueues());
    expect(Object.entries(dlqs).filter(([, n]) => n > 0)).toEqual([]);
  });

  it('answers a repeated request with the same case, marked as replayed', async () => {
    for (const entry of sent.slice(0, 20)) {
      const body = bodies[sent.indexOf(entry) % bodies.length];
      let response: Response;
      do {
        response = await fetch(`${runtime.apiUrl}/cases`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': entry.key }, body: JSON.stringify(body) });
      } while (response.status >= 500);
      expect(response.status).toBe(201);
      expect(((await response.json()) as { caseId: string }).caseId).toBe(entry.caseId);
      expect(response.headers.get('idempotent-replayed')).toBe('true');
    }
  });

  afterAll(() => {
    const stats = runtime.faults!.stats;
    const statuses: Record<string, number> = {};
    for (const record of table.cases.values()) statuses[record.status] = (statuses[record.status] ?? 0) + 1;
    const summary = {
      seed: SEED,
      casesSent: CASES,
      casesStored: table.cases.size,
      casesLost: sent.filter((s) => s.caseId && !table.cases.has(s.caseId)).length,
      duplicatedTransitions: timelineProblems(table).duplicatedTransitions,
      figureDifferences: figureDifferences(table).length,
      faultsInjected: faultsInjected(stats),
      retriesByClient: sent.reduce((n, s) => n + s.attempts - 1, 0),
      sendSeconds: Math.round(sendMs / 100) / 10,
      settleSeconds: Math.round(settleMs / 100) / 10,
      statuses,
      stats,
    };
    console.log(`fault-injection summary ${JSON.stringify(summary)}`);
  });
});
