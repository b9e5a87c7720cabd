// One line of the benchmark table: what was measured, its value, and the target it is held against.
// `target` is text ("< 150 ms", "≥ 100 cases/s", "flat") or null where there is nothing to aim at, only a
// fact to know. Benchmarks print figures; nothing here decides pass or fail.

export interface Figure {
  name: string;
  value: number | null;
  unit: string;
  target: string | null;
  /** how the figure was obtained or what qualifies it, shown under the table */
  note?: string;
}

export interface SuiteResult {
  suite: string;
  figures: Figure[];
  /** a suite that could not run says why, instead of leaving figures out silently (e.g. a file not written yet) */
  skipped?: string;
  /** something is broken (a suite that crashed, a bundle that does not load): the run exits non-zero */
  errors?: string[];
}

export function figure(name: string, value: number | null, unit: string, target: string | null = null, note?: string): Figure {
  return { name, value, unit, target, ...(note ? { note } : {}) };
}
