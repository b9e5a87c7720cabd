// One suite in its own process (bench/run.ts forks this): a fresh process per suite means fresh handler
// singletons for each local runtime, and no suite's leftovers (heap, timers, open sockets) in another's figures.
import type { SuiteResult } from './figure.js';
import type { BenchSettings, SuiteName } from './settings.js';

export interface SuiteRequest {
  suite: SuiteName;
  settings: BenchSettings;
}

export interface SuiteReply {
  results: SuiteResult[];
  /** suite-specific detail for the JSON file (e.g. every stage of the cost runs) */
  details?: unknown;
}

const progress = (line: string) => process.stderr.write(`  ${line}\n`);

async function run({ suite, settings }: SuiteRequest): Promise<SuiteReply> {
  switch (suite) {
    case 'engines': {
      const { benchEngines } = await import('./suites/engines.js');
      return { results: await benchEngines({ ...settings.engines, progress }) };
    }
    case 'cold-start': {
      const { benchColdStart } = await import('./suites/cold-start.js');
      return { results: [await benchColdStart({ ...settings.coldStart, progress })] };
    }
    case 'end-to-end': {
      const { benchEndToEnd } = await import('./suites/end-to-end.js');
      return { results: [await benchEndToEnd({ ...settings.endToEnd, progress })] };
    }
    case 'cost': {
      const { benchCost } = await import('./suites/cost.js');
      const { result, runs } = await benchCost({ ...settings.cost, progress });
      return { results: [result], details: runs };
    }
    case 'scale': {
      const { benchScale } = await import('./suites/scale.js');
      const { runPartner } = await import('./partners.js');
      const figures = await runPartner('scale (benchFigures)', { file: './figures.ts', exportName: 'benchFigures', what: 'supervisor figures over realistic counters' }, { ...settings.scale, ...(settings.mode === 'smoke' ? { countedSample: 100 } : {}), progress });
      return { results: [await benchScale({ ...settings.scale, progress }), figures] };
    }
  }
}

process.once('message', (request: SuiteRequest) => {
  run(request)
    .catch((error: unknown): SuiteReply => ({ results: [{ suite: request.suite, figures: [], errors: [`failed: ${(error as Error).stack ?? String(error)}`] }] }))
    .then((reply) => process.send!(reply, () => process.exit(0)));
});
