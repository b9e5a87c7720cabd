// The jurisdiction build: the CSV parser, the checks on bad input, and that the committed JSON is
// exactly what the script builds from the CSVs (edit the CSVs and re-run the script; never the JSON).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  OUTPUT_FILE,
  REPO_ROOT,
  buildJurisdictionDocument,
  parseCsv,
  parseCsvRows,
  readSourceTexts,
  serialiseJurisdictionDocument,
} from '../../../scripts/build-jurisdiction.js';

describe('parseCsv', () => {
  it('handles quotes, escaped quotes, commas and newlines inside quotes, CRLF and a BOM', () => {
    const text = '\ufeffa,b,c\r\n1,"黄埔,区","say ""hi"""\r\n2,"two\nlines",\n\n3,x,y';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', '黄埔,区', 'say "hi"'],
      ['2', 'two\nlines', ''],
      ['3', 'x', 'y'],
    ]);
  });

  it('reports the line each row starts on', () => {
    expect(parseCsvRows('h\n"a\nb"\n\nc\n').map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('rejects an unterminated quote and a stray quote', () => {
    expect(() => parseCsv('a\n"open', 'f.csv')).toThrow(/f\.csv:2: unterminated/);
    expect(() => parseCsv('a\nx"y', 'f.csv')).toThrow(/f\.csv:2: a quote inside an unquoted field/);
  });
});

describe('buildJurisdictionDocument', () => {
  const sources = readSourceTexts();

  it('matches the committed shared/data/huangpu-jurisdiction.json (run `npx tsx scripts/build-jurisdiction.ts` after editing the CSVs)', () => {
    const committed = readFileSync(join(REPO_ROOT, OUTPUT_FILE), 'utf8');
    expect(committed).toBe(serialiseJurisdictionDocument(buildJurisdictionDocument(sources)));
  });

  it('labels the communities, grids and boundaries as sample data and records its inputs', () => {
    const doc = buildJurisdictionDocument(sources);
    expect(doc.sample).toEqual({ communities: true, grids: true, boundaries: true });
    expect(doc.version).toBe(2);
    expect(doc.coordinateSystem).toBe('wgs84');
    expect(doc.generatedFrom).toEqual([
      'data/source/guangzhou-districts.csv',
      'data/source/huangpu-streets.csv',
      'data/sample/huangpu-streets-sample.csv',
      'data/sample/huangpu-communities.csv',
      'data/sample/huangpu-places.csv',
      'data/sample/huangpu-owned-assets.csv',
      'data/sample/huangpu-outline.json',
    ]);
    expect(doc.district).toMatchObject({ code: '440112', name: '黄埔区' });
    expect(doc.otherDistricts.map((d) => d.name)).toContain('天河区');
    expect(doc.otherDistricts.map((d) => d.code)).not.toContain('440112');
  });

  it('names the file and line of a community with an unknown street code', () => {
    const bad = { ...sources, communities: `${sources.communities.trimEnd()}\n440112999,440112999001,某社区,,某路\n` };
    expect(() => buildJurisdictionDocument(bad)).toThrow(/data\/sample\/huangpu-communities\.csv:\d+: unknown street code 440112999/);
  });

  it('rejects a street row whose name is not the official name', () => {
    const bad = { ...sources, streetsSample: sources.streetsSample.replace('440112005,大沙街道,', '440112005,大沙街,') };
    expect(() => buildJurisdictionDocument(bad)).toThrow(/huangpu-streets-sample\.csv:\d+: streetName 大沙街 ≠ official name 大沙街道/);
  });

  it('names the file and line of a place with an unknown unit, kind or range, and of a duplicate place', () => {
    const withRow = (row: string) => ({ ...sources, places: `${sources.places.trimEnd()}\n${row}\n` });
    expect(() => buildJurisdictionDocument(withRow('440112999001,road,某路,,'))).toThrow(/huangpu-places\.csv:\d+: unknown unit code 440112999001/);
    expect(() => buildJurisdictionDocument(withRow('440112005001,river,某河,,'))).toThrow(/huangpu-places\.csv:\d+: unknown place kind "river"/);
    expect(() => buildJurisdictionDocument(withRow('440112005001,road,某路,,1-9odds'))).toThrow(/house-number range "1-9odds" is not like/);
    expect(() => buildJurisdictionDocument(withRow('440112005001,compound,某苑,,1-9'))).toThrow(/only a road can have house-number ranges/);
    expect(() => buildJurisdictionDocument(withRow('440112005001,road,丰乐北路,,'))).toThrow(/440112005001 already lists 丰乐北路/);
  });

  it('gives every unit a generated boundary that tiles its parent (the validator finds no problem)', async () => {
    const { validateJurisdictionText } = await import('../../../shared/domain/jurisdiction/validate.js');
    const report = validateJurisdictionText(serialiseJurisdictionDocument(buildJurisdictionDocument(sources)));
    expect(report.problems).toEqual([]);
    expect(report.counts).toMatchObject({ streets: 17, communities: 62, boundaries: 1 + 17 + 62 + report.counts!.grids });
  });

  it('rejects a community code that does not start with its street code, naming the JSON path', () => {
    const bad = {
      ...sources,
      communities: sources.communities.replace('440112005,440112005001,', '440112005,440112006901,'),
      places: sources.places.replaceAll('440112005001', '440112006901'),
    };
    expect(() => buildJurisdictionDocument(bad)).toThrow(/streets\[3\]\.communities\[0\]\.code: community 440112006901 does not start with its street code 440112005/);
  });
});
