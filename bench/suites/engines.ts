// The pure engines, one core, no I/O: deadline computations (bench/deadlines.ts), and the router's and the
// classifier's own benchmarks, bench/routing.ts (benchRouting) and bench/classifier.ts (benchClassifier),
// kept by their authors beside the engines they know best (bench/partners.ts).
import { benchDeadlines } from '../deadlines.js';
import type { SuiteResult } from '../figure.js';
import { runPartner, type Partner } from '../partners.js';

const PARTNERS: Partner[] = [
  { file: './routing.ts', exportName: 'benchRouting', what: 'routing decisions/s (text and coordinates)' },
  { file: './classifier.ts', exportName: 'benchClassifier', what: 'classifications/s' },
];

export async function benchEngines(options: { minMs: number; progress: (line: string) => void }): Promise<SuiteResult[]> {
  const results: SuiteResult[] = [{ suite: 'engines', figures: benchDeadlines({ minMs: options.minMs }) }];
  for (const partner of PARTNERS) {
    options.progress(`engines: ${partner.exportName}`);
    results.push(await runPartner(`engines (${partner.exportName})`, partner, { minMs: options.minMs }));
  }
  return results;
}
