// The jurisdiction validator: schema problems, overlaps, gaps, names, each with its line in the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, lineOf, parseJsonWithLines } from '../../../shared/domain/jurisdiction/json-locations.js';
import { validateJurisdictionText } from '../../../shared/domain/jurisdiction/validate.js';
import { REPO_ROOT, OUTPUT_FILE } from '../../../scripts/build-jurisdiction.js';
import { formatReport } from '../../../scripts/validate-jurisdiction.js';

const square = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });

/** A small version-2 document: one street split into two communities (west and east halves), one grid each. */
function doc() {
  return {
    format: 'hotline12345/jurisdiction',
    version: 2,
    generatedFrom: [],
    sample: { communities: true, grids: true, boundaries: true },
    district: { code: '440112', name: '黄埔区', boundary: square(113, 23, 113.02, 23.01) },
    streets: [
      {
        code: '440112005',
        name: '大沙街道',
        aliases: [],
        places: [],
        boundary: square(113, 23, 113.02, 23.01),
        communities: [
          { code: '440112005001', name: '甲社区', aliases: [], places: [{ name: '长路', kind: 'road', numbers: [{ from: 1, to: 99, side: 'odd' }] }], boundary: square(113, 23, 113.01, 23.01), grids: [{ code: '440112005001-01', name: '甲网格', boundary: square(113, 23, 113.01, 23.01) }] },
          { code: '440112005002', name: '乙社区', aliases: [], places: [{ name: '长路', kind: 'road', numbers: [{ from: 2, to: 98, side: 'even' }] }], boundary: square(113.01, 23, 113.02, 23.01), grids: [{ code: '440112005002-01', name: '乙网格', boundary: square(113.01, 23, 113.02, 23.01) }] },
        ],
      },
    ],
  };
}

const text = (d: unknown) => JSON.stringify(d, null, 2);

describe('parseJsonWithLines', () => {
  it('maps every value to the line it starts on', () => {
    const { lines } = parseJsonWithLines('{\n  "a": [\n    1,\n    {"b": "x"}\n  ],\n  "c": null\n}');
    expect(lines.get('(root)')).toBe(1);
    expect(lines.get('a')).toBe(2);
    expect(lines.get('a[0]')).toBe(3);
    expect(lines.get('a[1].b')).toBe(4);
    expect(lines.get('c')).toBe(6);
    expect(lineOf(lines, ['a', 1, 'b', 'missing'])).toBe(4);
  });

  it('reports a syntax error with its line', () => {
    expect(() => parseJsonWithLines('{\n  "a": 1,\n  oops\n}')).toThrow(JsonSyntaxError);
    try {
      parseJsonWithLines('{\n  "a": 1,\n  oops\n}');
    } catch (e) {
      expect((e as JsonSyntaxError).line).toBe(3);
    }
  });
});

describe('validateJurisdictionText', () => {
  it('accepts a tidy document and counts what it holds', () => {
    const report = validateJurisdictionText(text(doc()));
    expect(report.problems).toEqual([]);
    expect(report.counts).toEqual({ streets: 1, communities: 2, grids: 2, boundaries: 6, places: 2, ownedAssets: 0 });
  });

  it('reports overlapping siblings at the line of the boundary', () => {
    const d = doc();
    d.streets[0]!.communities[1]!.boundary = square(113.005, 23, 113.02, 23.01);
    const t = text(d);
    const problem = validateJurisdictionText(t).problems.find((p) => p.message.includes('overlaps'));
    expect(problem).toMatchObject({ severity: 'error', path: 'streets[0].communities[1].boundary' });
    expect(t.split('\n')[problem!.line! - 1]).toContain('"boundary"');
    expect(problem!.message).toContain('甲社区(440112005001)');
  });

  it('finds an overlap even when one boundary repeats another exactly', () => {
    const d = doc();
    d.streets[0]!.communities[1]!.boundary = square(113, 23, 113.01, 23.01);
    expect(validateJurisdictionText(text(d)).problems.some((p) => p.message.includes('overlaps'))).toBe(true);
  });

  it('reports a gap its children leave in a parent, and a child reaching outside', () => {
    const d = doc();
    d.streets[0]!.communities[1]!.boundary = square(113.015, 23, 113.02, 23.01);
    d.streets[0]!.communities[1]!.grids[0]!.boundary = square(113.015, 23, 113.03, 23.01);
    const problems = validateJurisdictionText(text(d)).problems;
    expect(problems.find((p) => p.path === 'streets[0].boundary')?.message).toMatch(/^gap: \d+ of the sampled points inside 大沙街道\(440112005\) lie in none of its communitys?/);
    expect(problems.find((p) => p.path === 'streets[0].communities[1].grids[0].boundary')?.message).toContain('reaches outside its parent 乙社区(440112005002)');
  });

  it('warns when only some siblings have boundaries', () => {
    const d = doc() as any;
    delete d.streets[0].communities[1].boundary;
    delete d.streets[0].communities[1].grids[0].boundary;
    const warning = validateJurisdictionText(text(d)).problems.find((p) => p.severity === 'warning' && p.path === 'streets[0].communities[1]');
    expect(warning?.message).toContain('has no boundary');
  });

  it('reports duplicate and badly nested codes, unknown departments and bad JSON with lines', () => {
    const d = doc() as any;
    d.streets[0].communities[1].code = '440112005001';
    d.ownedAssets = [{ id: 'r', name: '某河', kind: 'river', department: 'metro-company' }];
    const t = text(d);
    const problems = validateJurisdictionText(t).problems;
    const dup = problems.find((p) => p.message.startsWith('duplicate code 440112005001'));
    expect(dup?.path).toBe('streets[0].communities[1].code');
    expect(t.split('\n')[dup!.line! - 1]).toContain('"code": "440112005001"');
    expect(problems.find((p) => p.path === 'ownedAssets[0].department')?.message).toBe('unknown department code');
    expect(validateJurisdictionText('{ "format": ').problems[0]).toMatchObject({ severity: 'error', line: 1 });
  });

  it('reports house-number ranges two units both claim, and a place claimed without ranges', () => {
    const d = doc();
    d.streets[0]!.communities[1]!.places[0]!.numbers = [{ from: 1, to: 9, side: 'both' }] as any;
    expect(validateJurisdictionText(text(d)).problems.find((p) => p.message.includes('claimed by both'))).toMatchObject({ severity: 'error', path: 'streets[0].communities[1].places[0].numbers' });
    const e = doc() as any;
    delete e.streets[0].communities[1].places[0].numbers;
    expect(validateJurisdictionText(text(e)).problems.find((p) => p.message.includes('“长路” is also listed'))?.severity).toBe('warning');
  });

  it('warns about two names that read the same once confusables are folded', () => {
    const d = doc();
    d.streets[0]!.communities[1]!.places.push({ name: '罗岗村', kind: 'village' } as any);
    d.streets[0]!.communities[0]!.places.push({ name: '萝岗村', kind: 'village' } as any);
    expect(validateJurisdictionText(text(d)).problems.some((p) => p.severity === 'warning' && p.message.includes('reads the same as'))).toBe(true);
  });

  it('passes the committed Huangpu file, and the command prints file:line lines and a summary', () => {
    const committed = readFileSync(join(REPO_ROOT, OUTPUT_FILE), 'utf8');
    const { lines, errors, warnings } = formatReport(OUTPUT_FILE, committed);
    expect([errors, warnings]).toEqual([0, 0]);
    expect(lines.at(-1)).toMatch(/17 streets, 62 communities, \d+ grids, \d+ boundaries, \d+ places, \d+ owned assets; 0 error\(s\), 0 warning\(s\)$/);
    const d = doc();
    d.streets[0]!.communities[1]!.boundary = square(113.005, 23, 113.02, 23.01);
    const bad = formatReport('x.json', text(d));
    expect(bad.errors).toBeGreaterThan(0);
    expect(bad.lines[0]).toMatch(/^x\.json:\d+: error streets\[0\]\.communities\[1\]\.boundary: /);
  });
});
