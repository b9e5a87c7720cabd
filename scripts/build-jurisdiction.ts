// Builds shared/data/huangpu-jurisdiction.json from the real street list (data/source/) and the sample
// community and street-place layers (data/sample/). Run: npx tsx scripts/build-jurisdiction.ts
// The build is a pure function of the CSV texts (exported for the test that keeps the JSON in sync).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  JURISDICTION_FORMAT,
  JURISDICTION_VERSION,
  parseJurisdictionDocument,
  type CommunityData,
  type JurisdictionDocument,
  type StreetData,
} from '../shared/domain/jurisdiction/schema.js';

export const DISTRICT_CODE = '440112';

/** The input files, relative to the repository root. */
export const SOURCE_FILES = {
  districts: 'data/source/guangzhou-districts.csv',
  streets: 'data/source/huangpu-streets.csv',
  communities: 'data/sample/huangpu-communities.csv',
  streetPlaces: 'data/sample/huangpu-street-places.csv',
} as const;

export const OUTPUT_FILE = 'shared/data/huangpu-jurisdiction.json';

export type SourceTexts = Record<keyof typeof SOURCE_FILES, string>;

/**
 * Parses CSV text (RFC 4180: comma-separated, fields optionally double-quoted, `""` is a quote inside
 * quotes, quoted fields may hold commas and newlines; CRLF or LF; a leading BOM is ignored).
 * Returns each row's fields and the line it starts on; blank lines are skipped.
 */
export function parseCsvRows(text: string, file = 'csv'): { line: number; fields: string[] }[] {
  const rows: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  const endRow = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0] !== '') rows.push({ line: rowLine, fields });
    fields = [];
    field = '';
  };
  for (let i = text.charCodeAt(0) === 0xfeff ? 1 : 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
    } else if (ch === '"') {
      if (field !== '') throw new Error(`${file}:${line}: a quote inside an unquoted field`);
      quoted = true;
    } else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      rowLine = ++line;
    } else field += ch;
  }
  if (quoted) throw new Error(`${file}:${rowLine}: unterminated quoted field`);
  if (field !== '' || fields.length > 0) endRow();
  return rows;
}

/** CSV text → rows of fields (see parseCsvRows). */
export function parseCsv(text: string, file = 'csv'): string[][] {
  return parseCsvRows(text, file).map((r) => r.fields);
}

/** CSV rows as records keyed by the header; checks the required columns and the field count of each row. */
export function readCsvRecords(text: string, file: string, columns: readonly string[]): { line: number; record: Record<string, string> }[] {
  const [header, ...rows] = parseCsvRows(text, file);
  if (!header) throw new Error(`${file}: empty file`);
  const names = header.fields.map((h) => h.trim());
  const missing = columns.filter((c) => !names.includes(c));
  if (missing.length) throw new Error(`${file}: missing column(s) ${missing.join(', ')} (header: ${names.join(',')})`);
  return rows.map(({ line, fields }) => {
    if (fields.length !== names.length) throw new Error(`${file}:${line}: ${fields.length} fields, header has ${names.length}`);
    const record: Record<string, string> = {};
    names.forEach((n, k) => (record[n] = (fields[k] ?? '').trim()));
    return { line, record };
  });
}

/** `a|b| c` → ['a', 'b', 'c']; empty items are dropped, duplicates kept once. */
function splitList(value: string | undefined): string[] {
  return [...new Set((value ?? '').split('|').map((s) => s.trim()).filter(Boolean))];
}

function field(record: Record<string, string>, key: string, file: string, line: number): string {
  const value = record[key];
  if (!value) throw new Error(`${file}:${line}: ${key} is empty`);
  return value;
}

/** Builds (and validates) the jurisdiction document from the CSV texts. Throws with file:line on bad input. */
export function buildJurisdictionDocument(sources: SourceTexts): JurisdictionDocument {
  const f = SOURCE_FILES;

  const districts = readCsvRecords(sources.districts, f.districts, ['code', 'name']).map(({ line, record }) => ({
    code: field(record, 'code', f.districts, line),
    name: field(record, 'name', f.districts, line),
  }));
  const district = districts.find((d) => d.code === DISTRICT_CODE);
  if (!district) throw new Error(`${f.districts}: no district ${DISTRICT_CODE}`);

  const streets: StreetData[] = readCsvRecords(sources.streets, f.streets, ['code', 'name', 'districtCode'])
    .filter(({ record }) => record.districtCode === DISTRICT_CODE)
    .map(({ line, record }) => ({
      code: field(record, 'code', f.streets, line),
      name: field(record, 'name', f.streets, line),
      aliases: [],
      places: [],
      communities: [],
    }));
  const byCode = new Map(streets.map((s) => [s.code, s]));
  const streetFor = (code: string, file: string, line: number): StreetData => {
    const street = byCode.get(code);
    if (!street) throw new Error(`${file}:${line}: unknown street code ${code} (not in ${f.streets})`);
    return street;
  };

  for (const { line, record } of readCsvRecords(sources.streetPlaces, f.streetPlaces, ['streetCode', 'streetName', 'aliases', 'places'])) {
    const street = streetFor(field(record, 'streetCode', f.streetPlaces, line), f.streetPlaces, line);
    if (record.streetName !== street.name) {
      throw new Error(`${f.streetPlaces}:${line}: streetName ${record.streetName} ≠ official name ${street.name} of ${street.code}`);
    }
    street.aliases = splitList(record.aliases);
    street.places = splitList(record.places);
  }

  for (const { line, record } of readCsvRecords(sources.communities, f.communities, ['streetCode', 'code', 'name', 'aliases', 'places'])) {
    const street = streetFor(field(record, 'streetCode', f.communities, line), f.communities, line);
    const code = field(record, 'code', f.communities, line);
    const name = field(record, 'name', f.communities, line);
    const community: CommunityData = {
      code,
      name,
      aliases: splitList(record.aliases),
      places: splitList(record.places),
      // sample grid layer: one grid per community until a city supplies its own
      grids: [{ code: `${code}-01`, name: `${name}第一网格` }],
    };
    street.communities.push(community);
  }

  const document = {
    format: JURISDICTION_FORMAT,
    version: JURISDICTION_VERSION,
    generatedFrom: Object.values(SOURCE_FILES),
    sample: { communities: true, grids: true },
    district,
    otherDistricts: districts.filter((d) => d.code !== DISTRICT_CODE),
    streets,
  };
  // the same validation the loader runs, so a bad CSV fails here with the JSON path of the problem
  return parseJurisdictionDocument(document, `the document built from ${Object.values(SOURCE_FILES).join(', ')}`);
}

/** The committed form: pretty JSON with a final newline. */
export function serialiseJurisdictionDocument(document: JurisdictionDocument): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function readSourceTexts(root = REPO_ROOT): SourceTexts {
  const read = (p: string) => readFileSync(join(root, p), 'utf8');
  return {
    districts: read(SOURCE_FILES.districts),
    streets: read(SOURCE_FILES.streets),
    communities: read(SOURCE_FILES.communities),
    streetPlaces: read(SOURCE_FILES.streetPlaces),
  };
}

function main(): void {
  const document = buildJurisdictionDocument(readSourceTexts());
  writeFileSync(join(REPO_ROOT, OUTPUT_FILE), serialiseJurisdictionDocument(document));
  const communities = document.streets.reduce((n, s) => n + s.communities.length, 0);
  console.log(`wrote ${OUTPUT_FILE}: ${document.streets.length} streets, ${communities} communities (sample)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
