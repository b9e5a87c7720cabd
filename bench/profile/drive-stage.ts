// Drives one stage of the pipeline many times on the local runtime, for a CPU profile of just that stage:
//   node --cpu-prof --cpu-prof-dir=bench-results/profiles --import tsx bench/profile/drive-stage.ts <stage> [cases]
//   npx tsx bench/profile/summarize-profile.ts bench-results/profiles/<file>.cpuprofile
// <stage> is intake, or the id of an SQS-triggered function (dispatch-district, dispatch-street, assign-grid):
// the stages before it run first, unprofiled work included (the summary shows everything the process did).
import { performance } from 'node:perf_hooks';
import { startLocalRuntime } from '../../infra/local/runtime.js';
import { FUNCTIONS, LEVEL_QUEUES } from '../../infra/topology.js';
import type { SqsLambdaHandler } from '../../infra/local/sqs/event-source.js';
import { localSqsClient, probeSqsClient } from '../load/probe-client.js';
import { drainStage } from '../load/stage-driver.js';
import { StdoutCounter } from '../load/stdout-counter.js';
import { demoRequests } from '../load/workload.js';

const [stage = 'intake', countArg = '300'] = process.argv.slice(2);
const count = Number(countArg);
const logs = new StdoutCounter();
process.env.LOG_LEVEL = 'INFO';
logs.start();
const runtime = await startLocalRuntime({ port: 0, startPollers: false });
const client = localSqsClient(runtime.sqsEndpoint);
const probe = probeSqsClient(runtime.sqsEndpoint);
const bodies = demoRequests().map((r) => JSON.stringify(r));
const timings: Record<string, number> = {};

let start = performance.now();
for (let i = 0; i < count; i++) {
  const response = await fetch(`${runtime.apiUrl}/cases`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: bodies[i % bodies.length] });
  await response.arrayBuffer();
}
timings.intake = performance.now() - start;
if (stage !== 'intake') {
  for (const level of Object.keys(LEVEL_QUEUES) as Array<keyof typeof LEVEL_QUEUES>) {
    const spec = FUNCTIONS.find((f) => f.trigger.kind === 'sqs' && f.trigger.queue === level)!;
    const { handler } = (await import(`../../functions/${spec.id}/handler.ts`)) as { handler: SqsLambdaHandler };
    start = performance.now();
    await drainStage({ client, probe, queueUrl: runtime.queueUrls[LEVEL_QUEUES[level]]!.url, functionName: spec.id, handler, batchSize: 10, timeoutMs: 300_000 });
    timings[spec.id] = performance.now() - start;
    if (spec.id === stage) break;
  }
}
client.destroy();
probe.destroy();
await runtime.stop();
logs.stop();
for (const [name, ms] of Object.entries(timings)) console.error(`${name}: ${count} cases in ${Math.round(ms)} ms (${(ms / count).toFixed(1)} ms each)`);
