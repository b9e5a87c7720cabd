// Runs in a fresh Node process (plain node, no TypeScript loader): imports one function bundle, timing the
// import, then (given an event file) invokes its handler once, as Lambda's first invocation would. Reports
// over IPC. Used by bench/cold-start/measure-imports.ts.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

const [bundle, eventFile, functionName] = process.argv.slice(2);

function context() {
  const deadline = Date.now() + 30_000;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: `bench-${process.pid}`,
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'bench',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done() {},
    fail() {},
    succeed() {},
  };
}

function describe(result) {
  if (result && typeof result === 'object' && 'statusCode' in result) return { kind: 'http', status: result.statusCode };
  if (result && typeof result === 'object' && 'batchItemFailures' in result) return { kind: 'sqs', failures: result.batchItemFailures.length };
  return { kind: typeof result };
}

const report = { importMs: null, importCpuMs: null, invokeMs: null, handler: false, outcome: null, error: null };
try {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const module = await import(pathToFileURL(bundle).href);
  report.importMs = performance.now() - start;
  const used = process.cpuUsage(cpu);
  report.importCpuMs = (used.user + used.system) / 1000;
  report.handler = typeof module.handler === 'function';
  if (report.handler && eventFile) {
    const event = JSON.parse(readFileSync(eventFile, 'utf8'));
    const invoked = performance.now();
    const result = await module.handler(event, context());
    report.invokeMs = performance.now() - invoked;
    report.outcome = describe(result);
  }
} catch (error) {
  report.error = `${error?.name}: ${error?.message}`;
}
process.send(report, () => process.exit(0));
