// Benchmarks kept by the authors of what they measure, beside the suites: bench/routing.ts (benchRouting),
// bench/classifier.ts (benchClassifier), bench/figures.ts (benchFigures). Each exports a function returning
// {name, value, unit, target}[]. A file not there yet is reported as skipped, not silently left out; one that
// throws is an error of the run.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Figure, SuiteResult } from './figure.js';

export interface Partner {
  /** relative to bench/, e.g. './routing.ts' */
  file: string;
  exportName: string;
  /** what it measures, for the "not there yet" line */
  what: string;
}

function isFigure(value: unknown): value is Figure {
  const f = value as Figure;
  return typeof f === 'object' && f !== null && typeof f.name === 'string' && (typeof f.value === 'number' || f.value === null) && typeof f.unit === 'string' && (typeof f.target === 'string' || f.target === null);
}

export async function runPartner(suite: string, partner: Partner, options: Record<string, unknown>): Promise<SuiteResult> {
  const url = new URL(partner.file, import.meta.url);
  const name = `bench/${partner.file.replace(/^\.\//, '')}`;
  if (!existsSync(fileURLToPath(url))) return { suite, figures: [], skipped: `${name} is not there yet: ${partner.what} not measured` };
  try {
    const module = (await import(url.href)) as Record<string, unknown>;
    const bench = module[partner.exportName];
    if (typeof bench !== 'function') return { suite, figures: [], errors: [`${name} exports no ${partner.exportName}()`] };
    const figures = (await (bench as (o: Record<string, unknown>) => unknown)(options)) as unknown;
    const valid = Array.isArray(figures) ? figures.filter(isFigure) : [];
    return valid.length > 0 ? { suite, figures: valid } : { suite, figures: [], errors: [`${partner.exportName}() returned no {name, value, unit, target} figures`] };
  } catch (error) {
    return { suite, figures: [], errors: [`${partner.exportName}() failed: ${(error as Error).message}`] };
  }
}
