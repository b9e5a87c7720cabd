// How much each suite does: the full run (`npm run bench`) and the smoke run CI uses (`npm run bench:smoke`),
// which only shows the suites still work.
export interface BenchSettings {
  mode: 'full' | 'smoke';
  endToEnd: { cases: number; latencyCases: number; ratePerSecond: number; concurrency: number };
  /** sweeps: also measure the per-case work of scheduled functions (waits until the cases are old enough) */
  cost: { cases: number; sweeps: boolean };
  /** 'all' functions, or the ids of a few */
  coldStart: { rounds: number; functions: 'all' | readonly string[] };
  engines: { minMs: number };
  scale: { small: number; large: number; repeats: number };
}

export const FULL: BenchSettings = {
  mode: 'full',
  endToEnd: { cases: 5000, latencyCases: 600, ratePerSecond: 10, concurrency: 32 },
  cost: { cases: 200, sweeps: true },
  coldStart: { rounds: 7, functions: 'all' },
  engines: { minMs: 1000 },
  scale: { small: 1_000, large: 100_000, repeats: 7 },
};

export const SMOKE: BenchSettings = {
  mode: 'smoke',
  endToEnd: { cases: 100, latencyCases: 50, ratePerSecond: 10, concurrency: 16 },
  cost: { cases: 20, sweeps: false },
  coldStart: { rounds: 1, functions: ['intake', 'dispatch-district', 'get-case'] },
  engines: { minMs: 200 },
  scale: { small: 1_000, large: 2_000, repeats: 3 },
};

export const SUITES = ['engines', 'cold-start', 'end-to-end', 'cost', 'scale'] as const;
export type SuiteName = (typeof SUITES)[number];
