// Cold start: each function's bundle as the CDK app builds it (cold-start/synth-bundles.ts), its size, and the
// time a fresh Node process takes to import it (median of several rounds), with a first invocation against the
// local runtime to show it works.
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figure, type Figure, type SuiteResult } from '../figure.js';
import { measureImports } from '../cold-start/measure-imports.js';
import { synthBundles } from '../cold-start/synth-bundles.js';
import { significant } from '../stats.js';
import { startLocalRuntime } from '../../infra/local/runtime.js';
import { FUNCTIONS } from '../../infra/topology.js';

const NODE_MODULES = fileURLToPath(new URL('../../node_modules', import.meta.url));
export const MAX_BUNDLE_KB = 1024;
export const MAX_IMPORT_MS = 150;

export async function benchColdStart(options: { rounds: number; functions: 'all' | readonly string[]; progress: (line: string) => void }): Promise<SuiteResult> {
  const specs = options.functions === 'all' ? FUNCTIONS : FUNCTIONS.filter((f) => options.functions.includes(f.id));
  const outdir = mkdtempSync(join(tmpdir(), 'hotline-bench-cdk-'));
  // A module left external by the bundling would resolve from here, as from the runtime's own copy on Lambda.
  symlinkSync(NODE_MODULES, join(outdir, 'node_modules'), 'dir');
  const runtime = await startLocalRuntime({ port: 0, startPollers: false });
  try {
    options.progress(`cold start: bundling ${specs.length} function(s) through CDK`);
    const synthStart = performance.now();
    const bundles = synthBundles(specs, outdir);
    const synthMs = performance.now() - synthStart;
    options.progress(`cold start: importing ${bundles.length} bundle(s), ${options.rounds} round(s)`);
    const env: Record<string, string> = { ...(process.env as Record<string, string>), ...runtime.handlerEnv, POWERTOOLS_SERVICE_NAME: 'hotline12345', LOG_LEVEL: 'INFO' };
    const measured = await measureImports(bundles, env, options.rounds);

    const figures: Figure[] = [];
    for (const m of measured) {
      const { bundle } = m;
      const kb = Math.round(bundle.bytes / 1024);
      figures.push(
        figure(
          `${bundle.spec.id} (${kb.toLocaleString('en-US')} KB): import`,
          m.medianImportMs,
          'ms',
          `< ${MAX_IMPORT_MS} ms`,
          `${bundle.spec.id}: ${kb} KB bundle (+ ${Math.round(bundle.mapBytes / 1024)} KB source map); import median of ${m.importMs.length} fresh processes (node ${bundle.nodeOptions.join(' ')}), ${m.medianImportCpuMs === null ? '—' : significant(m.medianImportCpuMs)} ms of CPU; ` +
            (m.fixture ? `first invocation with ${m.fixture.replace(/.*\/events\//, 'events/')}: ${m.firstInvokeMs === null ? '—' : `${Math.round(m.firstInvokeMs)} ms`}` : 'no event fixture: import only') +
            (m.problem ? `; PROBLEM: ${m.problem}` : ''),
        ),
      );
    }
    const largest = measured.reduce((a, b) => (b.bundle.bytes > a.bundle.bytes ? b : a));
    figures.push(figure('largest bundle', largest.bundle.bytes / 1024, 'KB', `≤ ${MAX_BUNDLE_KB} KB`, `largest: ${largest.bundle.spec.id}; built by CDK's own esbuild step with FUNCTION_BUNDLING (infra/cdk/functions.ts) in ${(synthMs / 1000).toFixed(1)} s`));
    figures.push(figure('bundles over 1 MB', measured.filter((m) => m.bundle.bytes > MAX_BUNDLE_KB * 1024).length, `of ${measured.length}`, '0'));
    figures.push(figure('bundles that load and answer', measured.filter((m) => m.works).length, `of ${measured.length}`, 'all'));
    const errors = measured.filter((m) => !m.works).map((m) => `${m.bundle.spec.id} bundle: ${m.problem}`);
    return { suite: 'cold start', figures, ...(errors.length ? { errors } : {}) };
  } finally {
    await runtime.stop();
    rmSync(outdir, { recursive: true, force: true });
  }
}
