// The queue-function fault wrapper: each kind of fault does what it says, and no message gets more injected
// failures than the plan allows (so injected faults alone never put a message in its DLQ).
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { resolveFaultPlan, type FaultOptions } from '../../../infra/local/faults/fault-plan.js';
import { emptyFaultStats } from '../../../infra/local/faults/fault-stats.js';
import { withSqsFaults } from '../../../infra/local/faults/sqs-faults.js';
import { lambdaContext } from '../../fuzz/support/endpoints.js';

const record = (id: string, body = '{}'): SQSRecord => ({ messageId: id, body } as SQSRecord);
const batch = (...ids: string[]): SQSEvent => ({ Records: ids.map((id) => record(id)) });

function wrapped(options: FaultOptions, poison: string[] = []) {
  const seen: string[][] = [];
  const stats = emptyFaultStats();
  const handler = withSqsFaults(
    async (event) => {
      seen.push(event.Records.map((r) => r.messageId));
      return { batchItemFailures: [] };
    },
    { plan: resolveFaultPlan({ seed: 1, ...options }), stats, faultsByMessage: new Map(), isPoison: (body) => poison.some((p) => body.includes(p)) },
  );
  return { handler, seen, stats };
}

describe('queue function faults', () => {
  it('throws before handling, at most maxFaultsPerMessage times per message', async () => {
    const { handler, seen, stats } = wrapped({ throwRate: 1, maxFaultsPerMessage: 2 });
    await expect(handler(batch('a', 'b'), lambdaContext('f'))).rejects.toThrow(/injected/);
    await expect(handler(batch('a', 'b'), lambdaContext('f'))).rejects.toThrow(/injected/);
    expect(seen).toEqual([]);
    await expect(handler(batch('a', 'b'), lambdaContext('f'))).resolves.toEqual({ batchItemFailures: [] });
    expect(seen).toEqual([['a', 'b']]);
    expect(stats.sqsThrown).toBe(2);
  });

  it('times out after handling a first part of the batch', async () => {
    const { handler, seen, stats } = wrapped({ timeoutRate: 1 });
    await expect(handler(batch('a', 'b', 'c'), lambdaContext('f'))).rejects.toThrow(/timed out/);
    expect(seen).toHaveLength(1);
    expect(['a', 'b', 'c'].slice(0, seen[0]!.length)).toEqual(seen[0]);
    expect(stats.sqsTimedOut).toBe(1);
  });

  it('hands a batch to two invocations at once, and reports handled records as failed to redeliver them', async () => {
    const twice = wrapped({ duplicateRate: 1 });
    await twice.handler(batch('a', 'b'), lambdaContext('f'));
    expect(twice.seen.map((ids) => [...ids].sort())).toEqual([['a', 'b'], ['a', 'b']]);
    const again = wrapped({ redeliverRate: 1, maxFaultsPerMessage: 1 });
    expect(await again.handler(batch('a'), lambdaContext('f'))).toEqual({ batchItemFailures: [{ itemIdentifier: 'a' }] });
    expect(await again.handler(batch('a'), lambdaContext('f'))).toEqual({ batchItemFailures: [] });
    expect(again.seen).toEqual([['a'], ['a']]);
  });

  it('fails every delivery of a poison message, without handling it, and only that one', async () => {
    const { handler, seen } = wrapped({}, ['"bad"']);
    const event: SQSEvent = { Records: [record('p', '{"x":"bad"}'), record('ok', '{"x":"good"}')] };
    for (let i = 0; i < 6; i++) expect(await handler(event, lambdaContext('f'))).toEqual({ batchItemFailures: [{ itemIdentifier: 'p' }] });
    expect(seen.every((ids) => ids.join() === 'ok')).toBe(true);
  });
});
