// What one case costs from intake to its grid, stage by stage, on the local runtime with its pollers off:
// the benchmark posts the cases (intake), then runs each queue's function on its queue until it is drained,
// reading between stages
//   - DynamoDB capacity: ReturnConsumedCapacity on the handlers' own client (table), plus the write units the
//     global secondary indexes would take by DynamoDB's rules (dynalite does not report those)
//   - SQS requests at the local endpoint (sends by the stage, and the event source's receives and deletes)
//   - Lambda invocations and their measured durations
// Twice: with one message per invocation (a quiet hotline: SQS batches hold one message) and with full
// batches of 10 (a busy one). Then, if asked, the scheduled functions that look at every case once
// (find-duplicates), run until they have looked at all of them: their cost per case they looked at.
import { createLambdaContext } from '../../infra/local/http/lambda-context.js';
import type { SqsLambdaHandler } from '../../infra/local/sqs/event-source.js';
import { startLocalRuntime, type LocalRuntime } from '../../infra/local/runtime.js';
import { FUNCTIONS, LEVEL_QUEUES, type FunctionSpec } from '../../infra/topology.js';
import { dynamoDocumentClient } from '../../shared/adapters/aws-clients.js';
import { AssignmentCounter } from '../load/assignment-counter.js';
import { localSqsClient, probeSqsClient } from '../load/probe-client.js';
import { drainStage } from '../load/stage-driver.js';
import { StdoutCounter } from '../load/stdout-counter.js';
import { demoWorkload, requestBodies } from '../load/workload.js';
import { capacityBetween, DynamoCapacityMeter, type CapacitySnapshot } from '../meter/dynamo-capacity.js';
import { DynaliteIndexWriteMeter, indexWritesBetween, type IndexWriteSnapshot } from '../meter/dynalite-index-writes.js';
import { billableRequestsBetween, SqsRequestMeter } from '../meter/sqs-requests.js';

export interface StageCost {
  functionId: string;
  memoryMb: number;
  invocations: number;
  /** the measured duration of each invocation, ms */
  durationsMs: number[];
  dynamo: CapacitySnapshot;
  /** global secondary index writes (not reported by dynalite; counted by DynamoDB's rules) */
  indexes: IndexWriteSnapshot;
  sqsRequests: number;
  sqsByOperation: Record<string, number>;
}

/** A scheduled function that does work per case (it looks at each case once): its cost per case it looked at. */
export interface SweepCost {
  functionId: string;
  /** cases it looked at in all */
  looked: number;
  stage: StageCost;
}

export interface LifecycleRun {
  batchSize: number;
  cases: number;
  /** of them, assigned to a grid */
  assigned: number;
  gridBound: boolean;
  workloadNote: string;
  stages: StageCost[];
  logBytes: number;
  logLines: number;
  /** per-case work of scheduled functions, measured once for all the runs (absent in a smoke run) */
  sweeps?: SweepCost[];
}

/** Scheduled functions that look at every case once, with how old a case must be before they do. */
const PER_CASE_SWEEPS = [{ functionId: 'find-duplicates', lookAfterMs: 60_000 }] as const;

class Meters {
  readonly capacity = new DynamoCapacityMeter();
  readonly indexes = new DynaliteIndexWriteMeter();
  readonly sqs: SqsRequestMeter;

  constructor(runtime: LocalRuntime) {
    this.capacity.attach(dynamoDocumentClient());
    this.indexes.start();
    this.sqs = new SqsRequestMeter(Number(new URL(runtime.sqsEndpoint).port));
    this.sqs.start();
  }

  async measure(spec: FunctionSpec, work: () => Promise<{ invocations: number; durationsMs: number[] }>): Promise<StageCost> {
    const capacity = this.capacity.snapshot();
    const indexes = this.indexes.snapshot();
    const sqs = this.sqs.snapshot();
    const { invocations, durationsMs } = await work();
    const requests = billableRequestsBetween(sqs, this.sqs.snapshot());
    return {
      functionId: spec.id,
      memoryMb: spec.memoryMb,
      invocations,
      durationsMs,
      dynamo: capacityBetween(capacity, this.capacity.snapshot()),
      indexes: indexWritesBetween(indexes, this.indexes.snapshot()),
      sqsRequests: requests.requests,
      sqsByOperation: requests.byOperation,
    };
  }

  stop(): void {
    this.indexes.stop();
    this.sqs.stop();
  }
}

function specOf(id: string): FunctionSpec {
  const spec = FUNCTIONS.find((f) => f.id === id);
  if (!spec) throw new Error(`no function ${id} in the topology`);
  return spec;
}

/** The SQS-triggered functions in pipeline order (district, street, grid). */
function queueStages(): Array<{ spec: FunctionSpec; queueName: string }> {
  return (Object.keys(LEVEL_QUEUES) as Array<keyof typeof LEVEL_QUEUES>).map((level) => {
    const spec = FUNCTIONS.find((f) => f.trigger.kind === 'sqs' && f.trigger.queue === level);
    if (!spec) throw new Error(`no function consumes the ${level} queue`);
    return { spec, queueName: LEVEL_QUEUES[level] };
  });
}

let callers = 0;

async function postSequentially(apiUrl: string, templates: string[], count: number): Promise<number[]> {
  const durations: number[] = [];
  const bodies = requestBodies(templates, count, callers);
  callers += count;
  for (const body of bodies) {
    const start = performance.now();
    const response = await fetch(`${apiUrl}/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    await response.arrayBuffer();
    durations.push(performance.now() - start);
    if (response.status !== 201) throw new Error(`POST /cases answered ${response.status}`);
  }
  return durations;
}

export async function measureLifecycles(options: { cases: number; batchSizes: number[]; sweeps: boolean; progress: (line: string) => void }): Promise<LifecycleRun[]> {
  const logs = new StdoutCounter();
  process.env.LOG_LEVEL = 'INFO';
  logs.start();
  const runtime = await startLocalRuntime({ port: 0, startPollers: false });
  const sqsClient = localSqsClient(runtime.sqsEndpoint);
  const probe = probeSqsClient(runtime.sqsEndpoint);
  const counter = new AssignmentCounter(runtime.dynamoEndpoint, runtime.tableName);
  const meters = new Meters(runtime);
  const handlers = new Map<string, SqsLambdaHandler>();
  for (const { spec } of queueStages()) handlers.set(spec.id, ((await import(`../../functions/${spec.id}/handler.ts`)) as { handler: SqsLambdaHandler }).handler);

  const runStages = async (bodies: string[], count: number, batchSize: number): Promise<StageCost[]> => {
    const stages: StageCost[] = [];
    stages.push(
      await meters.measure(specOf('intake'), async () => {
        const durationsMs = await postSequentially(runtime.apiUrl, bodies, count);
        return { invocations: durationsMs.length, durationsMs };
      }),
    );
    for (const { spec, queueName } of queueStages()) {
      stages.push(
        await meters.measure(spec, () =>
          drainStage({ client: sqsClient, probe, queueUrl: runtime.queueUrls[queueName]!.url, functionName: spec.id, handler: handlers.get(spec.id)!, batchSize, timeoutMs: 120_000 }),
        ),
      );
    }
    return stages;
  };

  try {
    // The demo requests once through every stage: finds the ones that reach a grid, and warms up the
    // functions and the day's counter items, as a running system has them.
    const workload = await demoWorkloadWithoutPollers(runtime, runStages);
    const runs: LifecycleRun[] = [];
    for (const batchSize of options.batchSizes) {
      options.progress(`lifecycle cost: ${options.cases} cases, ${batchSize} message(s) per invocation`);
      const before = await counter.count();
      const logBytes = logs.bytes;
      const logLines = logs.lines;
      const stages = await runStages(workload.bodies, options.cases, batchSize);
      runs.push({
        batchSize,
        cases: options.cases,
        assigned: (await counter.count()) - before,
        gridBound: workload.gridBound,
        workloadNote: workload.note,
        stages,
        logBytes: logs.bytes - logBytes,
        logLines: logs.lines - logLines,
      });
    }
    if (options.sweeps) {
      const sweeps = await measureSweeps(meters, options.progress);
      for (const run of runs) run.sweeps = sweeps;
    }
    return runs;
  } finally {
    meters.stop();
    counter.close();
    sqsClient.destroy();
    probe.destroy();
    await runtime.stop();
    logs.stop();
  }
}

type ScheduledHandler = (event: unknown, context: unknown) => Promise<{ looked?: number } | undefined>;

/** Runs each per-case scheduled function until it has looked at every case (waiting until they are old enough). */
async function measureSweeps(meters: Meters, progress: (line: string) => void): Promise<SweepCost[]> {
  const sweeps: SweepCost[] = [];
  const lastIntake = Date.now();
  for (const { functionId, lookAfterMs } of PER_CASE_SWEEPS) {
    const spec = FUNCTIONS.find((f) => f.id === functionId && f.trigger.kind === 'schedule');
    if (!spec) continue;
    const wait = lastIntake + lookAfterMs + 1000 - Date.now();
    progress(`lifecycle cost: ${functionId}, once the cases are ${lookAfterMs / 1000} s old (waiting ${Math.max(0, Math.round(wait / 1000))} s)`);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const { handler } = (await import(`../../functions/${functionId}/handler.ts`)) as { handler: ScheduledHandler };
    let looked = 0;
    const stage = await meters.measure(spec, async () => {
      const durationsMs: number[] = [];
      for (;;) {
        const start = performance.now();
        const summary = await handler({ 'detail-type': 'Scheduled Event', source: 'aws.events', time: new Date().toISOString(), detail: {} }, createLambdaContext({ functionName: functionId, timeoutMs: spec.timeoutSeconds * 1000, memoryMb: spec.memoryMb }));
        durationsMs.push(performance.now() - start);
        if (!summary?.looked) break;
        looked += summary.looked;
      }
      return { invocations: durationsMs.length, durationsMs };
    });
    if (looked > 0) sweeps.push({ functionId, looked, stage });
  }
  return sweeps;
}

/** demoWorkload() needs the cases to move on their own; here the stages are driven by hand alongside. */
async function demoWorkloadWithoutPollers(
  runtime: LocalRuntime,
  runStages: (bodies: string[], count: number, batchSize: number) => Promise<StageCost[]>,
): Promise<{ bodies: string[]; gridBound: boolean; note: string }> {
  let stop = false;
  const pump = (async () => {
    while (!stop) {
      await runStages([], 0, 10);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  })();
  try {
    const workload = await demoWorkload(runtime.apiUrl);
    const where = Object.entries(workload.outcomes).map(([status, n]) => `${status} ${n}`).join(', ');
    return {
      bodies: workload.bodies,
      gridBound: workload.gridBound,
      note: workload.gridBound ? `the ${workload.bodies.length} demo requests that reach a grid (demo outcomes: ${where})` : `NO demo request reaches a grid in this build (${where}): costs are to where cases settle`,
    };
  } finally {
    stop = true;
    await pump;
  }
}
