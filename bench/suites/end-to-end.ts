// End to end on the local runtime (infra/local/runtime.ts): the API over loopback HTTP, dynalite, the local
// SQS endpoint and the pollers, all in this process; the load generator in a child process.
//   1. intake latency at a fixed offered rate (open loop), and how long those cases took to reach their grid
//   2. throughput: `cases` cases sent as fast as `concurrency` senders can, timed from the first POST until the
//      last of them is assigned to a grid
import { availableParallelism } from 'node:os';
import { figure, type SuiteResult } from '../figure.js';
import { AssignmentCounter } from '../load/assignment-counter.js';
import { PipelineDrain } from '../load/pipeline-drain.js';
import { runLoadInChild } from '../load/run-load.js';
import { StdoutCounter } from '../load/stdout-counter.js';
import { waitSettled } from '../load/wait-settled.js';
import { demoWorkload, requestBodies } from '../load/workload.js';
import { percentile, perSecond } from '../stats.js';
import { startLocalRuntime } from '../../infra/local/runtime.js';
import { LEVEL_QUEUES } from '../../infra/topology.js';

export interface EndToEndOptions {
  /** cases for the throughput run */
  cases: number;
  /** cases sent at the fixed rate */
  latencyCases: number;
  ratePerSecond: number;
  /** parallel senders in the throughput run */
  concurrency: number;
  progress: (line: string) => void;
}

async function intakeToGridMs(apiUrl: string, created: Array<{ caseId: string; trackingToken: string }>): Promise<number[]> {
  const spans: number[] = [];
  for (const { caseId, trackingToken } of created) {
    const response = await fetch(`${apiUrl}/cases/${caseId}`, { headers: { 'x-tracking-token': trackingToken } });
    const view = (await response.json()) as { status: string; createdAt: string; updatedAt: string };
    if (view.status === 'assigned') spans.push(Date.parse(view.updatedAt) - Date.parse(view.createdAt));
  }
  return spans;
}

export async function benchEndToEnd(options: EndToEndOptions): Promise<SuiteResult> {
  const logs = new StdoutCounter();
  process.env.LOG_LEVEL = 'INFO'; // as the stack configures the functions
  logs.start();
  const runtime = await startLocalRuntime({ port: 0 });
  const counter = new AssignmentCounter(runtime.dynamoEndpoint, runtime.tableName);
  const drain = new PipelineDrain(
    runtime.sqsEndpoint,
    Object.values(LEVEL_QUEUES).map((name) => runtime.queueUrls[name]!.url),
  );
  try {
    const workload = await demoWorkload(runtime.apiUrl);
    const { bodies } = workload;
    const url = `${runtime.apiUrl}/cases`;
    const where = Object.entries(workload.outcomes).map(([status, n]) => `${status} ${n}`).join(', ');
    const workloadNote = workload.gridBound
      ? `workload: the ${bodies.length} demo requests that reach a grid (demo outcomes: ${where})`
      : `NO demo request reaches a grid in this build (${where}): cases are timed to where they settle, not to a grid`;
    options.progress(`end-to-end: ${workloadNote}`);
    options.progress(`end-to-end: ${options.latencyCases} cases at ${options.ratePerSecond}/s`);

    let assigned = await counter.count();
    const paced = await runLoadInChild({ url, bodies: requestBodies(bodies, options.latencyCases), count: options.latencyCases, mode: { kind: 'open', ratePerSecond: options.ratePerSecond } });
    const pacedDone = await waitSettled(counter, drain, assigned + paced.created.length, 60_000);
    const pacedSpans = await intakeToGridMs(runtime.apiUrl, paced.created);
    assigned = pacedDone.assigned;

    options.progress(`end-to-end: ${options.cases} cases, ${options.concurrency} senders`);
    const logBytesBefore = logs.bytes;
    const start = performance.now();
    const burst = await runLoadInChild({ url, bodies: requestBodies(bodies, options.cases, options.latencyCases), count: options.cases, mode: { kind: 'closed', concurrency: options.concurrency } });
    const intakeDoneMs = performance.now();
    const done = await waitSettled(counter, drain, assigned + burst.created.length, Math.max(120_000, options.cases * 50));
    // late assignments of the paced cases may still land in this window: count at most the cases sent
    const reached = Math.min(done.assigned - assigned, burst.created.length);
    const logBytesPerCase = (logs.bytes - logBytesBefore) / Math.max(1, burst.created.length);

    const failures = (load: typeof paced) => {
      const other = Object.entries(load.statuses).filter(([status]) => status !== '201');
      return other.length === 0 ? '0' : other.map(([status, n]) => `${n} × ${status}`).join(', ');
    };
    const settledCount = workload.gridBound ? reached : burst.created.length;
    return {
      suite: 'end-to-end',
      figures: [
        figure('intake p50 at fixed rate', percentile(paced.latenciesMs, 50), 'ms', '< 50 ms', `open loop: ${options.latencyCases} POST /cases at ${options.ratePerSecond}/s over loopback HTTP, each timed from its scheduled send; not answered 201: ${failures(paced)}. ${workloadNote}`),
        figure('intake p99 at fixed rate', percentile(paced.latenciesMs, 99), 'ms', '< 200 ms'),
        figure('intake → grid p50 at fixed rate', pacedSpans.length ? percentile(pacedSpans, 50) : null, 'ms', '< 1,000 ms', "from each case's createdAt to its assignment (updatedAt), for the cases sent at the fixed rate"),
        figure('intake → grid p99 at fixed rate', pacedSpans.length ? percentile(pacedSpans, 99) : null, 'ms', '< 3,000 ms'),
        figure(
          `throughput, intake → ${workload.gridBound ? 'grid' : 'settled'} (${options.cases} cases)`,
          perSecond(settledCount, done.atMs - start),
          'cases/s',
          '≥ 100 cases/s',
          `${options.concurrency} senders; from the first POST until ${reached} of ${burst.created.length} cases were assigned to a grid${done.timedOut ? ' (TIMED OUT)' : ''}; POSTs not answered 201: ${failures(burst)}; runtime, stores and load generator share ${availableParallelism()} cores`,
        ),
        figure('intake rate in that run', perSecond(burst.created.length, intakeDoneMs - start), 'cases/s', null),
        figure('log output per case', logBytesPerCase, 'bytes', null, 'what the handlers write to stdout at LOG_LEVEL=INFO (CloudWatch Logs ingests it on AWS)'),
      ],
    };
  } finally {
    counter.close();
    drain.close();
    await runtime.stop();
    logs.stop();
  }
}
