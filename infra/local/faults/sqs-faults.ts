// Wraps a queue function (as the local event source calls it) so that some invocations fail the way they
// fail on Lambda: throw before doing anything, time out after handling part of the batch, run twice at once,
// or report a handled record as failed so it comes back. No message gets more injected failures than the
// plan allows, so only real failures (and poison) can put a message in its DLQ.
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { SqsLambdaHandler } from '../sqs/event-source.js';
import { InjectedFault, type ResolvedFaultPlan } from './fault-plan.js';
import type { FaultStats } from './fault-stats.js';
import { shuffled } from './random.js';

export interface SqsFaultState {
  plan: ResolvedFaultPlan;
  stats: FaultStats;
  /** injected failures so far, by message id */
  faultsByMessage: Map<string, number>;
  /** a record whose body this matches always fails (a poison message), whatever the plan says */
  isPoison: (body: string) => boolean;
}

function failuresOf(response: SQSBatchResponse | void): string[] {
  return response?.batchItemFailures?.map((f) => f.itemIdentifier) ?? [];
}

export function withSqsFaults(handler: SqsLambdaHandler, state: SqsFaultState): SqsLambdaHandler {
  const { plan, stats, faultsByMessage } = state;
  const faultsOf = (record: SQSRecord) => faultsByMessage.get(record.messageId) ?? 0;
  const mayFault = (records: SQSRecord[]) => records.every((r) => faultsOf(r) < plan.maxFaultsPerMessage);
  const charge = (records: SQSRecord[]) => {
    for (const r of records) faultsByMessage.set(r.messageId, faultsOf(r) + 1);
  };

  return async (event: SQSEvent, context: Context): Promise<SQSBatchResponse> => {
    stats.sqsInvocations += 1;
    const poison = event.Records.filter((r) => state.isPoison(r.body));
    const healthy = event.Records.filter((r) => !state.isPoison(r.body));
    stats.poisonFailed += poison.length;
    const records = plan.shuffleBatches ? shuffled(healthy, plan.random) : healthy;
    const poisonFailures = poison.map((r) => ({ itemIdentifier: r.messageId }));
    if (records.length === 0) return { batchItemFailures: poisonFailures };

    const draw = plan.random();
    const kind = draw < plan.throwRate ? 'throw' : draw < plan.throwRate + plan.timeoutRate ? 'timeout' : draw < plan.throwRate + plan.timeoutRate + plan.duplicateRate ? 'duplicate' : 'none';
    if (kind === 'throw' && mayFault(records)) {
      stats.sqsThrown += 1;
      charge(records);
      throw new InjectedFault(`injected: ${context.functionName} failed before handling its batch`);
    }
    if (kind === 'timeout' && mayFault(records)) {
      stats.sqsTimedOut += 1;
      charge(records);
      const done = 1 + Math.floor(plan.random() * records.length);
      await handler({ Records: records.slice(0, done) }, context).catch(() => undefined);
      throw new InjectedFault(`injected: ${context.functionName} timed out after ${done} of ${records.length} records`);
    }
    let failed: Set<string>;
    if (kind === 'duplicate') {
      stats.sqsInvocations += 1;
      stats.sqsDuplicated += 1;
      const twice = await Promise.all([handler({ Records: records }, context), handler({ Records: shuffled(records, plan.random) }, context)]);
      failed = new Set(twice.flatMap(failuresOf));
    } else {
      failed = new Set(failuresOf(await handler({ Records: records }, context)));
    }
    for (const record of records) {
      if (failed.has(record.messageId) || faultsOf(record) >= plan.maxFaultsPerMessage) continue;
      if (plan.random() < plan.redeliverRate) {
        stats.sqsRedelivered += 1;
        charge([record]);
        failed.add(record.messageId);
      }
    }
    return { batchItemFailures: [...poisonFailures, ...[...failed].map((itemIdentifier) => ({ itemIdentifier }))] };
  };
}
