// The arithmetic the benchmark table rests on: percentiles, medians, rates, and how the table is printed.
import { describe, expect, it } from 'vitest';
import { figure } from '../../bench/figure.js';
import { formatTable } from '../../bench/report/print-table.js';
import { median, percentile, perSecond, significant } from '../../bench/stats.js';

describe('percentile (nearest rank)', () => {
  const samples = [15, 20, 35, 40, 50];

  it('picks the smallest sample with at least p% at or below it', () => {
    expect(percentile(samples, 5)).toBe(15);
    expect(percentile(samples, 30)).toBe(20);
    expect(percentile(samples, 40)).toBe(20);
    expect(percentile(samples, 50)).toBe(35);
    expect(percentile(samples, 100)).toBe(50);
  });

  it('does not depend on the order of the samples and leaves them unsorted', () => {
    const shuffled = [50, 15, 40, 20, 35];
    expect(percentile(shuffled, 50)).toBe(35);
    expect(shuffled).toEqual([50, 15, 40, 20, 35]);
  });

  it('p99 of 1..1000 is 990', () => {
    expect(percentile(Array.from({ length: 1000 }, (_, i) => i + 1), 99)).toBe(990);
  });

  it('refuses no samples or a p outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow();
    expect(() => percentile([1], 0)).toThrow();
    expect(() => percentile([1], 101)).toThrow();
  });
});

describe('median, rates, rounding', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it('per second', () => {
    expect(perSecond(500, 2000)).toBe(250);
    expect(() => perSecond(1, 0)).toThrow();
  });

  it('three significant digits', () => {
    expect(significant(123456)).toBe(123000);
    expect(significant(0.0012345)).toBe(0.00123);
    expect(significant(0)).toBe(0);
  });
});

describe('formatTable', () => {
  it('prints one row per figure with value, unit and target, numbers the notes, and lines up CJK text', () => {
    const table = formatTable([
      { suite: 'cost', figures: [figure('write units per case', 12.345, 'WRU', '≤ 20 WRU', 'table 5 + indexes 7.3'), figure('bill', 0.4321, 'USD', '< $1')] },
      { suite: '引擎', figures: [], skipped: 'bench/routing.ts is not there yet' },
      { suite: 'scale', figures: [figure('items', 5520, 'items', '≤ 5,520'), figure('nothing yet', null, 'ms', null)] },
    ]);
    const lines = table.split('\n');
    expect(lines[0]).toMatch(/^\| suite +\| figure +\| value +\| target +\|$/);
    expect(table).toContain('| write units per case [1] ');
    expect(table).toContain('12.3 WRU');
    expect(table).toContain('0.432 USD');
    expect(table).toContain('5,520 items');
    expect(table).toContain('(skipped: bench/routing.ts is not there yet)');
    expect(table).toMatch(/\| nothing yet +\| — +\|/);
    expect(lines.at(-1)).toBe('[1] table 5 + indexes 7.3');
    // every row of the table has its column separators in the same display columns (引擎 takes 4)
    const barColumns = (line: string) => {
      const at: number[] = [];
      let column = 0;
      for (const ch of line) {
        if (ch === '|') at.push(column);
        column += /[\u4e00-\u9fff]/.test(ch) ? 2 : 1;
      }
      return at;
    };
    const rows = lines.filter((l) => l.startsWith('|'));
    for (const row of rows) expect(barColumns(row)).toEqual(barColumns(rows[0]!));
  });
});
