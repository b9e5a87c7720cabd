// `npm run load [-- --rate 20 --seconds 60 --drain-seconds 300]` (or LOAD_RATE / LOAD_SECONDS)
// A steady open-loop load on a local runtime of its own, on loopback only and bounded (at most 50 000
// requests): POST /cases at a fixed rate for a fixed time (the demo requests, cycled), from a separate
// process so the generator is not slowed by the system under test. Reports latency percentiles, answers by
// status, errors, how deep each routing queue got, how long the backlog took to drain, and where every case
// it was given ended up — showing that overload makes cases wait in the queues, never disappear.
import { readFileSync } from 'node:fs';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { runLoadInChild } from '../bench/load/run-load.js';
import { percentile } from '../bench/stats.js';
import { LOCAL_CREDENTIALS, LOCAL_REGION, localDynamoClient } from '../infra/local/dynamo/local-client.js';
import { startLocalRuntime } from '../infra/local/runtime.js';
import { LEVEL_QUEUES } from '../infra/topology.js';
import { allCases, censusOf } from './load/case-census.js';
import { sampleQueues } from './load/queue-sampler.js';

const MAX_REQUESTS = 50_000;

function option(name: string, env: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const raw = at >= 0 ? process.argv[at + 1] : process.env[env];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${raw}`);
  return value;
}

const rate = option('rate', 'LOAD_RATE', 20);
const seconds = option('seconds', 'LOAD_SECONDS', 60);
const drainSeconds = option('drain-seconds', 'LOAD_DRAIN_SECONDS', 300);
const count = Math.round(rate * seconds);
if (count > MAX_REQUESTS) throw new Error(`${count} requests is over the bound of ${MAX_REQUESTS}: lower --rate or --seconds`);

// the load comes from a handful of demo callers: the per-caller limit would rightly refuse most of it
process.env.INTAKE_RATE_LIMIT_PER_PHONE = '0';
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';

const bodies = (JSON.parse(readFileSync(new URL('../events/demo/requests.json', import.meta.url), 'utf8')) as { requests: unknown[] }).requests.map((r) => JSON.stringify(r));
const runtime = await startLocalRuntime({ port: 0 });
if (!new URL(runtime.apiUrl).hostname.startsWith('127.')) throw new Error(`refusing to load anything but loopback: ${runtime.apiUrl}`);
const sqs = new SQSClient({ endpoint: runtime.sqsEndpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
const dynamo = localDynamoClient(runtime.dynamoEndpoint);
const db = DynamoDBDocumentClient.from(dynamo);

try {
  console.log(`load: ${count} POST /cases at ${rate}/s for ${seconds} s against ${runtime.apiUrl}`);
  const sampler = sampleQueues(sqs, Object.fromEntries(Object.values(LEVEL_QUEUES).map((name) => [name, runtime.queueUrls[name]!.url])));
  const result = await runLoadInChild({ url: `${runtime.apiUrl}/cases`, bodies, count, mode: { kind: 'open', ratePerSecond: rate } });
  const sentAt = Date.now();
  const caseIds = result.created.map((c) => c.caseId);

  let census = await censusOf(db, runtime.tableName, caseIds);
  let overall = await allCases(db, runtime.tableName);
  while ((census.atRest + census.missing.length < caseIds.length || overall.atRest < overall.stored) && Date.now() - sentAt < drainSeconds * 1000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    census = await censusOf(db, runtime.tableName, caseIds);
    overall = await allCases(db, runtime.tableName);
  }
  const drainMs = Date.now() - sentAt;
  await sampler.stop();

  const lat = result.latenciesMs;
  const ms = (v: number) => Math.round(v * 10) / 10;
  const report = {
    requests: count,
    ratePerSecond: rate,
    seconds,
    achievedPerSecond: Math.round((count * 10000) / result.elapsedMs) / 10,
    statuses: result.statuses,
    errors: result.errors,
    latencyMs: { p50: ms(percentile(lat, 50)), p90: ms(percentile(lat, 90)), p99: ms(percentile(lat, 99)), max: ms(Math.max(...lat)) },
    queuePeaks: sampler.peaks(),
    casesCreated: caseIds.length,
    casesStored: census.stored,
    casesLost: census.missing.length,
    casesAtRest: census.atRest,
    casesStillInTransit: caseIds.length - census.missing.length - census.atRest,
    byStatus: census.byStatus,
    /** cases stored by requests that were not answered 201 (a timeout after the case was written): a retry
     * with the same Idempotency-Key would have been answered with them */
    casesStoredWithoutAnswer: overall.stored - census.stored,
    casesAtRestOverall: overall.atRest,
    drainSecondsAfterLastRequest: Math.round(drainMs / 100) / 10,
  };
  console.table({
    'latency p50 / p90 / p99 / max (ms)': `${report.latencyMs.p50} / ${report.latencyMs.p90} / ${report.latencyMs.p99} / ${report.latencyMs.max}`,
    'answers': JSON.stringify(report.statuses),
    'cases created / stored / at rest / lost': `${report.casesCreated} / ${report.casesStored} / ${report.casesAtRest} / ${report.casesLost}`,
    'stored without a 201 (all at rest?)': `${report.casesStoredWithoutAnswer} (${report.casesAtRestOverall === overall.stored ? 'yes' : 'no'})`,
    'deepest queue': Object.entries(report.queuePeaks).map(([q, p]) => `${q} ${p.depth} @${p.atSecond}s`).join(', '),
    'drained after the last request (s)': report.drainSecondsAfterLastRequest,
  });
  console.log(`load-test result ${JSON.stringify(report)}`);
  // lost or stuck cases fail the run; 5xx answers under overload are reported (a retry with a key is safe)
  if (report.casesLost > 0 || report.casesStillInTransit > 0 || overall.atRest < overall.stored) process.exitCode = 1;
} finally {
  sqs.destroy();
  dynamo.destroy();
  await runtime.stop();
}
