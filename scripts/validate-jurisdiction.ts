// npm run jurisdiction:validate -- <file.json> [more files]
// Checks jurisdiction files (shared/domain/jurisdiction/validate.ts) and prints one line per problem as
// `<file>:<line>: error|warning <path>: <message>`, then a summary. Exits 1 if any file has an error.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { validateJurisdictionText } from '../shared/domain/jurisdiction/validate.js';

export function formatReport(file: string, text: string): { lines: string[]; errors: number; warnings: number } {
  const report = validateJurisdictionText(text);
  const lines = report.problems.map((p) => `${file}:${p.line ?? 1}: ${p.severity} ${p.path}: ${p.message}`);
  const errors = report.problems.filter((p) => p.severity === 'error').length;
  const warnings = report.problems.length - errors;
  const c = report.counts;
  const what = c ? `${c.streets} streets, ${c.communities} communities, ${c.grids} grids, ${c.boundaries} boundaries, ${c.places} places, ${c.ownedAssets} owned assets; ` : '';
  lines.push(`${file}: ${what}${errors} error(s), ${warnings} warning(s)`);
  return { lines, errors, warnings };
}

function main(files: string[]): number {
  if (files.length === 0) {
    console.error('usage: npm run jurisdiction:validate -- <jurisdiction.json> [more files]');
    return 2;
  }
  let failed = false;
  for (const arg of files) {
    const file = relative(process.cwd(), resolve(arg)) || arg;
    let text: string;
    try {
      text = readFileSync(arg, 'utf8');
    } catch (error) {
      console.error(`${file}: cannot read: ${(error as Error).message}`);
      failed = true;
      continue;
    }
    const { lines, errors } = formatReport(file, text);
    for (const line of lines) console.log(line);
    if (errors) failed = true;
  }
  return failed ? 1 : 0;
}

if (import.meta.url === `file://${resolve(process.argv[1] ?? '')}`) process.exitCode = main(process.argv.slice(2));
