// Builds shared/data/huangpu-jurisdiction.json (format version 2) from the real street list (data/source/)
// and the SAMPLE layers (data/sample/): street aliases and anchor points, communities and their grid
// counts, the gazetteer of places (roads with house-number ranges, compounds, villages, landmarks …), the
// assets departments own regardless of place, and generated boundaries (scripts/jurisdiction/
// sample-boundaries.ts). Run: npx tsx scripts/build-jurisdiction.ts
// The build is a pure function of the input texts (exported for the test that keeps the JSON in sync).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  JURISDICTION_FORMAT,
  JURISDICTION_VERSION,
  PLACE_KINDS,
  ASSET_KINDS,
  parseJurisdictionDocument,
  type Boundary,
  type CommunityData,
  type GridData,
  type JurisdictionDocument,
  type NumberRange,
  type OwnedAsset,
  type Place,
  type PlaceKind,
  type AssetKind,
  type StreetData,
} from '../shared/domain/jurisdiction/schema.js';
import { generateSampleBoundaries } from './jurisdiction/sample-boundaries.js';

export const DISTRICT_CODE = '440112';

/** The input files, relative to the repository root. */
export const SOURCE_FILES = {
  districts: 'data/source/guangzhou-districts.csv',
  streets: 'data/source/huangpu-streets.csv',
  streetsSample: 'data/sample/huangpu-streets-sample.csv',
  communities: 'data/sample/huangpu-communities.csv',
  places: 'data/sample/huangpu-places.csv',
  ownedAssets: 'data/sample/huangpu-owned-assets.csv',
  outline: 'data/sample/huangpu-outline.json',
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

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 1 → 第一网格 … 10 → 第十网格 (sample grid names). */
export function gridName(communityName: string, n: number): string {
  const numeral = n <= 10 ? CHINESE_DIGITS[n] : String(n);
  return `${communityName}第${numeral}网格`;
}

/** `1-199`, `1-199odd`, `2-200even`, several separated by `|`. */
export function parseNumberRanges(value: string, file: string, line: number): NumberRange[] | undefined {
  const items = splitList(value);
  if (items.length === 0) return undefined;
  return items.map((item) => {
    const m = /^(\d+)-(\d+)(odd|even)?$/.exec(item);
    if (!m) throw new Error(`${file}:${line}: house-number range "${item}" is not like 1-199, 1-199odd or 2-200even`);
    const range = { from: Number(m[1]), to: Number(m[2]), side: (m[3] ?? 'both') as NumberRange['side'] };
    if (range.from > range.to) throw new Error(`${file}:${line}: house-number range "${item}" runs backwards`);
    return range;
  });
}

function oneOf<T extends string>(value: string, allowed: readonly T[], what: string, file: string, line: number): T {
  if (!(allowed as readonly string[]).includes(value)) throw new Error(`${file}:${line}: unknown ${what} "${value}" (one of ${allowed.join(', ')})`);
  return value as T;
}

function coordinate(value: string | undefined, what: string, file: string, line: number): number {
  const n = Number(value);
  if (!value || !Number.isFinite(n)) throw new Error(`${file}:${line}: ${what} "${value ?? ''}" is not a number`);
  return n;
}

/** Builds (and validates) the jurisdiction document from the input texts. Throws with file:line on bad input. */
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

  const anchors = new Map<string, [number, number]>();
  for (const { line, record } of readCsvRecords(sources.streetsSample, f.streetsSample, ['streetCode', 'streetName', 'aliases', 'anchorLat', 'anchorLng'])) {
    const street = streetFor(field(record, 'streetCode', f.streetsSample, line), f.streetsSample, line);
    if (record.streetName !== street.name) {
      throw new Error(`${f.streetsSample}:${line}: streetName ${record.streetName} ≠ official name ${street.name} of ${street.code}`);
    }
    street.aliases = splitList(record.aliases);
    anchors.set(street.code, [coordinate(record.anchorLng, 'anchorLng', f.streetsSample, line), coordinate(record.anchorLat, 'anchorLat', f.streetsSample, line)]);
  }
  const missingAnchor = streets.find((s) => !anchors.has(s.code));
  if (missingAnchor) throw new Error(`${f.streetsSample}: no row for street ${missingAnchor.code} ${missingAnchor.name}`);

  const communities = new Map<string, CommunityData>();
  const grids = new Map<string, GridData>();
  for (const { line, record } of readCsvRecords(sources.communities, f.communities, ['streetCode', 'code', 'name', 'aliases', 'grids'])) {
    const street = streetFor(field(record, 'streetCode', f.communities, line), f.communities, line);
    const code = field(record, 'code', f.communities, line);
    const name = field(record, 'name', f.communities, line);
    const gridCount = Number(field(record, 'grids', f.communities, line));
    if (!Number.isInteger(gridCount) || gridCount < 1 || gridCount > 99) throw new Error(`${f.communities}:${line}: grids must be a whole number 1..99`);
    if (communities.has(code)) throw new Error(`${f.communities}:${line}: duplicate community code ${code}`);
    const community: CommunityData = {
      code,
      name,
      aliases: splitList(record.aliases),
      places: [],
      // sample grid layer: <community code>-01 … named 第一网格 …
      grids: Array.from({ length: gridCount }, (_, g) => ({ code: `${code}-${String(g + 1).padStart(2, '0')}`, name: gridName(name, g + 1), aliases: [], places: [] })),
    };
    for (const grid of community.grids) grids.set(grid.code, grid);
    communities.set(code, community);
    street.communities.push(community);
  }

  for (const { line, record } of readCsvRecords(sources.places, f.places, ['unitCode', 'kind', 'name', 'aliases', 'numbers'])) {
    const unitCode = field(record, 'unitCode', f.places, line);
    const holder = byCode.get(unitCode) ?? communities.get(unitCode) ?? grids.get(unitCode);
    if (!holder) throw new Error(`${f.places}:${line}: unknown unit code ${unitCode} (no street, community or grid has it)`);
    const kind = oneOf<PlaceKind>(field(record, 'kind', f.places, line), PLACE_KINDS, 'place kind', f.places, line);
    const numbers = parseNumberRanges(record.numbers ?? '', f.places, line);
    if (numbers && kind !== 'road') throw new Error(`${f.places}:${line}: only a road can have house-number ranges`);
    const place: Place = { name: field(record, 'name', f.places, line), kind, aliases: splitList(record.aliases), ...(numbers ? { numbers } : {}) };
    if (holder.places.some((p) => p.name === place.name)) throw new Error(`${f.places}:${line}: ${unitCode} already lists ${place.name}`);
    holder.places.push(place);
  }

  const ownedAssets: OwnedAsset[] = readCsvRecords(sources.ownedAssets, f.ownedAssets, ['id', 'kind', 'name', 'aliases', 'department']).map(({ line, record }) => ({
    id: field(record, 'id', f.ownedAssets, line),
    kind: oneOf<AssetKind>(field(record, 'kind', f.ownedAssets, line), ASSET_KINDS, 'asset kind', f.ownedAssets, line),
    name: field(record, 'name', f.ownedAssets, line),
    aliases: splitList(record.aliases),
    department: field(record, 'department', f.ownedAssets, line),
  }));

  const outline = JSON.parse(sources.outline) as { outline: [number, number][] };
  const boundaries = generateSampleBoundaries(
    {
      outline: outline.outline,
      streets: streets.map((s) => ({ code: s.code, anchor: anchors.get(s.code)!, communities: s.communities.map((c) => ({ code: c.code, grids: c.grids.map((g) => g.code) })) })),
    },
    DISTRICT_CODE,
  );
  const withBoundary = <T extends object>(code: string, node: T): T & { boundary?: Boundary } => {
    const boundary = boundaries.get(code);
    return boundary ? { ...node, boundary } : node;
  };

  const document = {
    format: JURISDICTION_FORMAT,
    version: JURISDICTION_VERSION,
    generatedFrom: Object.values(SOURCE_FILES),
    sample: { communities: true, grids: true, boundaries: true },
    coordinateSystem: 'wgs84',
    district: withBoundary(district.code, district),
    otherDistricts: districts.filter((d) => d.code !== DISTRICT_CODE),
    streets: streets.map((s) =>
      withBoundary(s.code, {
        ...s,
        communities: s.communities.map((c) => withBoundary(c.code, { ...c, grids: c.grids.map((g) => withBoundary(g.code, g)) })),
      }),
    ),
    ownedAssets,
  };
  // the same validation the loader runs, so a bad input fails here with the JSON path of the problem
  return parseJurisdictionDocument(document, `the document built from ${Object.values(SOURCE_FILES).join(', ')}`);
}

/**
 * The committed form: pretty JSON with a final newline, except that a boundary's rings are written one
 * ring per line (a pretty-printed polygon would take four lines per vertex).
 */
export function serialiseJurisdictionDocument(document: JurisdictionDocument): string {
  const boundaries: Boundary[] = [];
  const text = JSON.stringify(
    document,
    (key, value: unknown) => {
      if (key === 'boundary' && value && typeof value === 'object') {
        boundaries.push(value as Boundary);
        return `@@boundary:${boundaries.length - 1}@@`;
      }
      return value;
    },
    2,
  );
  const out = text.replace(/^( *)"boundary": "@@boundary:(\d+)@@"/gm, (_, indent: string, n: string) => {
    const b = boundaries[Number(n)]!;
    const rings = (list: readonly unknown[], pad: string) => list.map((r) => `${pad}${JSON.stringify(r)}`).join(',\n');
    const pad = `${indent}    `;
    const coordinates =
      b.type === 'Polygon'
        ? rings(b.coordinates, pad)
        : b.coordinates.map((polygon) => `${pad}[\n${rings(polygon, `${pad}  `)}\n${pad}]`).join(',\n');
    return `${indent}"boundary": {\n${indent}  "type": "${b.type}",\n${indent}  "coordinates": [\n${coordinates}\n${indent}  ]\n${indent}}`;
  });
  return `${out}\n`;
}

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function readSourceTexts(root = REPO_ROOT): SourceTexts {
  const read = (p: string) => readFileSync(join(root, p), 'utf8');
  return {
    districts: read(SOURCE_FILES.districts),
    streets: read(SOURCE_FILES.streets),
    streetsSample: read(SOURCE_FILES.streetsSample),
    communities: read(SOURCE_FILES.communities),
    places: read(SOURCE_FILES.places),
    ownedAssets: read(SOURCE_FILES.ownedAssets),
    outline: read(SOURCE_FILES.outline),
  };
}

function main(): void {
  const document = buildJurisdictionDocument(readSourceTexts());
  writeFileSync(join(REPO_ROOT, OUTPUT_FILE), serialiseJurisdictionDocument(document));
  const communities = document.streets.flatMap((s) => s.communities);
  const grids = communities.reduce((n, c) => n + c.grids.length, 0);
  console.log(`wrote ${OUTPUT_FILE}: ${document.streets.length} streets, ${communities.length} communities, ${grids} grids, ${document.ownedAssets.length} owned assets (communities, grids, places and boundaries are SAMPLE data)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
