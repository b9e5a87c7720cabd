// One case's use of each billed thing, from a lifecycle run's stage measurements.
import type { LifecycleRun, StageCost } from './measure-lifecycle.js';
import { LAMBDA_PLATFORM_LOG_BYTES_PER_INVOCATION } from './prices.js';
import type { PerCaseUsage } from './bill.js';

/** X-Ray: tracing is active on every function; a quiet hotline has every request sampled (the default rule
 * records the first request each second), and the hops of a case join its trace through SQS. */
export const TRACES_PER_CASE = 1;

/**
 * What one case uses: the pipeline stages of the run, divided by its cases, plus what scheduled functions do
 * per case they look at (their DynamoDB and SQS use per case; their invocations run on the clock whatever the
 * traffic, so their Lambda time is counted per case looked at, their requests not).
 */
export function perCaseUsage(run: Pick<LifecycleRun, 'cases' | 'stages' | 'logBytes' | 'sweeps'>): PerCaseUsage {
  const n = run.cases;
  if (n <= 0) throw new Error('a run without cases has no per-case usage');
  let writeUnits = 0;
  let readUnits = 0;
  let sqsRequests = 0;
  let invocations = 0;
  for (const stage of run.stages) {
    writeUnits += stage.dynamo.writeUnits + stage.indexes.writeUnits;
    readUnits += stage.dynamo.readUnits;
    sqsRequests += stage.sqsRequests;
    invocations += stage.invocations;
  }
  const billedMs = (stage: StageCost) => stage.durationsMs.reduce((total, ms) => total + Math.ceil(ms), 0);
  const sweeps = run.sweeps ?? [];
  for (const { looked, stage } of sweeps) {
    writeUnits += ((stage.dynamo.writeUnits + stage.indexes.writeUnits) * n) / looked;
    readUnits += (stage.dynamo.readUnits * n) / looked;
    sqsRequests += (stage.sqsRequests * n) / looked;
  }
  return {
    writeUnits: writeUnits / n,
    readUnits: readUnits / n,
    sqsRequests: sqsRequests / n,
    apiRequests: 1,
    lambda: [
      ...run.stages.map((stage) => ({ functionId: stage.functionId, memoryMb: stage.memoryMb, invocations: stage.invocations / n, billedMs: billedMs(stage) / n })),
      ...sweeps.map(({ looked, stage }) => ({ functionId: stage.functionId, memoryMb: stage.memoryMb, invocations: 0, billedMs: billedMs(stage) / looked })),
    ],
    logBytes: (run.logBytes + invocations * LAMBDA_PLATFORM_LOG_BYTES_PER_INVOCATION) / n,
    traces: TRACES_PER_CASE,
  };
}
