// Imports each function bundle in fresh Node processes (import-probe.mjs), with the NODE_OPTIONS it has on
// Lambda, several rounds taken in turn so that a busy moment of the machine does not land on one function
// only; the first round also invokes the handler once with its event fixture (events/), against the local
// runtime, to show the bundle works, not only that it loads.
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { LEVEL_QUEUES } from '../../infra/topology.js';
import { median } from '../stats.js';
import type { FunctionBundle } from './synth-bundles.js';

const PROBE = fileURLToPath(new URL('./import-probe.mjs', import.meta.url));
const REPO = fileURLToPath(new URL('../../', import.meta.url));

interface ProbeReport {
  importMs: number | null;
  /** CPU time of the import (all threads): steadier than wall time on a busy machine */
  importCpuMs: number | null;
  invokeMs: number | null;
  handler: boolean;
  outcome: { kind: string; status?: number; failures?: number } | null;
  error: string | null;
}

export interface ImportMeasurement {
  bundle: FunctionBundle;
  importMs: number[];
  medianImportMs: number | null;
  medianImportCpuMs: number | null;
  firstInvokeMs: number | null;
  fixture: string | null;
  /** the handler loaded, and (with a fixture) answered without a server error */
  works: boolean;
  problem: string | null;
}

/** The event fixture for a function, if events/ has one. */
export function fixtureFor(bundle: FunctionBundle): string | null {
  const { spec } = bundle;
  const candidates = [`events/api/${spec.id}.json`, `events/scheduled/${spec.id}.json`];
  if (spec.trigger.kind === 'http' && spec.trigger.method === 'POST' && spec.trigger.path === '/cases') candidates.unshift('events/api/post-case.json');
  if (spec.trigger.kind === 'sqs') candidates.unshift(`events/sqs/${LEVEL_QUEUES[spec.trigger.queue]}.json`);
  return candidates.map((c) => `${REPO}${c}`).find((c) => existsSync(c)) ?? null;
}

function probe(bundle: FunctionBundle, fixture: string | null, env: Record<string, string>): Promise<ProbeReport> {
  return new Promise((resolve, reject) => {
    const child = fork(PROBE, [bundle.file, fixture ?? '', bundle.spec.id], {
      execArgv: bundle.nodeOptions,
      env: { ...env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let report: ProbeReport | undefined;
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('message', (message) => (report = message as ProbeReport));
    child.once('error', reject);
    child.once('exit', (code) => (report ? resolve(report) : reject(new Error(`probe of ${bundle.spec.id} exited ${code}: ${stderr.slice(0, 300)}`))));
  });
}

function problemOf(report: ProbeReport, fixture: string | null): string | null {
  if (report.error) return report.error;
  if (!report.handler) return 'no exported handler function';
  if (fixture && report.outcome?.kind === 'http' && (report.outcome.status ?? 500) >= 500) return `answered ${report.outcome.status}`;
  return null;
}

export async function measureImports(bundles: FunctionBundle[], env: Record<string, string>, rounds: number, options: { invoke?: boolean } = {}): Promise<ImportMeasurement[]> {
  const invoke = options.invoke ?? true;
  const results = bundles.map((bundle) => ({ bundle, importMs: [] as number[], importCpuMs: [] as number[], firstInvokeMs: null as number | null, fixture: invoke ? fixtureFor(bundle) : null, problem: null as string | null }));
  for (let round = 0; round < rounds; round++) {
    for (const result of results) {
      const report = await probe(result.bundle, round === 0 ? result.fixture : null, env);
      if (report.importMs !== null) result.importMs.push(report.importMs);
      if (report.importCpuMs !== null) result.importCpuMs.push(report.importCpuMs);
      if (round === 0) {
        result.firstInvokeMs = report.invokeMs;
        result.problem = problemOf(report, result.fixture);
      }
    }
  }
  return results.map(({ importCpuMs, ...r }) => ({
    ...r,
    medianImportMs: r.importMs.length ? median(r.importMs) : null,
    medianImportCpuMs: importCpuMs.length ? median(importCpuMs) : null,
    works: r.problem === null,
  }));
}
