// `npm run bench` (every suite, full size) and `npm run bench:smoke` (small, for CI): runs each suite in its
// own process, one after another, prints one table of figures with their targets, and writes the figures
// (and the cost runs' stage details) to bench-results/<mode>.json. Benchmarks print figures and judge none;
// the run fails only when something is broken (a suite that crashed, a bundle that does not load).
//   --only engines,cost   run only these suites
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { SuiteResult } from './figure.js';
import { formatTable } from './report/print-table.js';
import type { SuiteReply, SuiteRequest } from './run-suite.js';
import { FULL, SMOKE, SUITES, type SuiteName } from './settings.js';

const args = process.argv.slice(2);
const settings = args.includes('--smoke') ? SMOKE : FULL;
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? (args[onlyArg + 1] ?? '').split(',') : [...SUITES];
const unknown = only.filter((s) => !(SUITES as readonly string[]).includes(s));
if (unknown.length > 0) {
  console.error(`unknown suite(s): ${unknown.join(', ')}; known: ${SUITES.join(', ')}`);
  process.exit(2);
}
const RESULTS_DIR = fileURLToPath(new URL('../bench-results/', import.meta.url));
const CHILD = fileURLToPath(new URL('./run-suite.ts', import.meta.url));

function runSuite(suite: SuiteName): Promise<SuiteReply> {
  return new Promise((resolve) => {
    const child = fork(CHILD, [], { execArgv: ['--import', 'tsx'], env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } });
    let reply: SuiteReply | undefined;
    child.once('message', (message) => (reply = message as SuiteReply));
    child.once('exit', (code) => resolve(reply ?? { results: [{ suite, figures: [], errors: [`its process exited with ${code} before reporting`] }] }));
    child.send({ suite, settings } satisfies SuiteRequest);
  });
}

const started = Date.now();
const loadAtStart = loadavg()[0]!;
const results: SuiteResult[] = [];
const details: Record<string, unknown> = {};
for (const suite of SUITES.filter((s) => only.includes(s))) {
  const suiteStart = Date.now();
  process.stderr.write(`${suite}…\n`);
  const reply = await runSuite(suite);
  results.push(...reply.results);
  if (reply.details !== undefined) details[suite] = reply.details;
  process.stderr.write(`${suite}: ${((Date.now() - suiteStart) / 1000).toFixed(1)} s\n`);
}

const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.versions.node}, ${process.platform}/${process.arch}`;
const load = { atStart: loadAtStart, atEnd: loadavg()[0]! };
console.log(`\nhotline12345 benchmarks (${settings.mode}) — ${machine} — ${((Date.now() - started) / 1000).toFixed(0)} s — load average ${load.atStart.toFixed(1)} → ${load.atEnd.toFixed(1)}\n`);
if (Math.max(load.atStart, load.atEnd) > availableParallelism()) {
  console.log(`(the machine was busy with other work: more runnable processes than cores; timings are slower and noisier than on an idle machine)\n`);
}
console.log(formatTable(results));
mkdirSync(RESULTS_DIR, { recursive: true });
const file = `${RESULTS_DIR}${settings.mode === 'smoke' ? 'smoke' : 'latest'}.json`;
writeFileSync(file, `${JSON.stringify({ generatedAt: new Date().toISOString(), mode: settings.mode, machine, load, settings, results, details }, null, 2)}\n`);
console.log(`\nwritten to ${file.replace(fileURLToPath(new URL('../', import.meta.url)), '')}`);

// Figures are printed, never judged; but a suite that crashed or a bundle that does not load is broken.
const errors = results.flatMap((r) => (r.errors ?? []).map((e) => `${r.suite}: ${e}`));
if (errors.length > 0) {
  console.error(`\n${errors.length} problem(s):\n${errors.map((e) => `  ${e}`).join('\n')}`);
  process.exitCode = 1;
}
