// The one table `npm run bench` prints: suite, figure, value with unit, target; notes follow below it.
import type { SuiteResult } from '../figure.js';
import { significant } from '../stats.js';

function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  const shown = Math.abs(value) >= 1000 ? Math.round(value).toLocaleString('en-US') : String(significant(value));
  return unit ? `${shown} ${unit}` : shown;
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function pad(text: string, to: number): string {
  return text + ' '.repeat(Math.max(0, to - width(text)));
}

export function formatTable(results: readonly SuiteResult[]): string {
  const header = ['suite', 'figure', 'value', 'target'];
  const rows: string[][] = [];
  const notes: string[] = [];
  for (const result of results) {
    if (result.skipped) rows.push([result.suite, `(skipped: ${result.skipped})`, '', '']);
    for (const error of result.errors ?? []) rows.push([result.suite, `(ERROR: ${error.split('\n')[0]})`, '', '']);
    for (const f of result.figures) {
      let name = f.name;
      if (f.note) {
        notes.push(f.note);
        name += ` [${notes.length}]`;
      }
      rows.push([result.suite, name, formatValue(f.value, f.unit), f.target ?? '']);
    }
  }
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i]!))));
  const line = (cells: string[]) => `| ${cells.map((c, i) => pad(c, widths[i]!)).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)];
  if (notes.length > 0) out.push('', ...notes.map((n, i) => `[${i + 1}] ${n}`));
  return out.join('\n');
}
