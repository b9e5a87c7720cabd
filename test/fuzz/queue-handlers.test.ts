// Bad messages at every queue function of the topology: bodies that are not JSON, of the wrong shape, with
// hostile values, naming cases that do not exist or hops a case is not waiting for. The function never
// throws (which would fail its whole batch, good messages included): it reports exactly the bad records as
// failed (so they retry and end in the DLQ) and writes nothing for them.
import fc from 'fast-check';
import type { SQSRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lambdaContext } from './support/endpoints.js';
import { startFuzzWorld, type FuzzWorld } from './support/fuzz-world.js';
import { hostileJson, hostileJsonText, nastyString } from './support/hostile-values.js';
import { itemCount } from './support/item-count.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 8);

let world: FuzzWorld;
let inputs = 0;

beforeAll(async () => {
  world = await startFuzzWorld(4);
}, 120_000);

afterAll(async () => {
  console.log(`queue fuzz summary ${JSON.stringify({ runsPerProperty: RUNS, queueFunctions: world?.queues.length, inputs })}`);
  await world?.stop();
});

function record(body: string, i: number): SQSRecord {
  return {
    messageId: `fuzz-${i}-${Math.random().toString(16).slice(2)}`,
    receiptHandle: 'fuzz',
    body,
    attributes: { ApproximateReceiveCount: '1', SentTimestamp: String(Date.now()), SenderId: 'fuzz', ApproximateFirstReceiveTimestamp: String(Date.now()) },
    messageAttributes: {},
    md5OfBody: '',
    eventSource: 'aws:sqs',
    eventSourceARN: 'arn:aws:sqs:us-east-1:000000000000:fuzz',
    awsRegion: 'us-east-1',
  };
}

describe('every queue function, under bad messages', () => {
  it('reports each bad record as failed, never throws, and writes nothing', async () => {
    const missingCase = fc.integer({ min: 900_000, max: 999_999 }).map((n) => `HP-20200101-${n}`);
    const body = fc.oneof(
      hostileJsonText,
      hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
      fc.record({ caseId: fc.oneof(nastyString(40), missingCase), streetCode: nastyString(50), gridCode: nastyString(50) }).map((m) => JSON.stringify(m)),
      fc.record({ caseId: missingCase, streetCode: fc.constant('440112005'), gridCode: fc.constant('440112005001-01') }).map((m) => JSON.stringify(m)),
    );
    for (const endpoint of world.queues) {
      await fc.assert(
        fc.asyncProperty(fc.array(body, { minLength: 1, maxLength: 10 }), async (bodies) => {
          const records = bodies.map(record);
          const before = await itemCount(world.dynamo, world.runtime.tableName);
          const response = await endpoint.handler({ Records: records }, lambdaContext(endpoint.id));
          inputs += records.length;
          const failed = new Set(response?.batchItemFailures.map((f) => f.itemIdentifier) ?? []);
          expect([...failed].sort(), endpoint.id).toEqual(records.map((r) => r.messageId).sort());
          expect(await itemCount(world.dynamo, world.runtime.tableName), endpoint.id).toBe(before);
        }),
        { numRuns: RUNS },
      );
    }
  }, 600_000);

  it('treats a well-formed message for a hop a real case is not waiting for as done, changing nothing', async () => {
    const code = fc.oneof(nastyString(40).filter((s) => s.length > 0 && s.length <= 40), fc.constantFrom('440112005', '440112005001-01', 'urban-management'));
    for (const endpoint of world.queues) {
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...world.cases.map((c) => c.caseId)), code, async (caseId, unitCode) => {
          const message = JSON.stringify({ caseId, streetCode: unitCode, gridCode: unitCode });
          const before = await itemCount(world.dynamo, world.runtime.tableName);
          const response = await endpoint.handler({ Records: [record(message, 0)] }, lambdaContext(endpoint.id));
          inputs += 1;
          // the seed cases are at rest: whatever the message says, no hop is taken and nothing is written
          expect(await itemCount(world.dynamo, world.runtime.tableName), endpoint.id).toBe(before);
          expect(response?.batchItemFailures.length ?? 0, `${endpoint.id} ${message}`).toBeLessThanOrEqual(1);
        }),
        { numRuns: RUNS },
      );
    }
  }, 600_000);
});
