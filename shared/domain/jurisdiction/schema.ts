// The jurisdiction document (区 → 街镇 → 村社 → 网格) as a zod schema, its types, and a parser that
// fails with an error naming the file and the path of every problem. Pure: the data is passed in.
//
// Version 2 (current) adds typed places (roads with house-number ranges, compounds 小区, villages,
// landmarks, industrial parks …), aliases and places on grids, optional GeoJSON boundaries on every node
// (WGS84 longitude/latitude, as RFC 7946 says: see `coordinateSystem`), and the things a department owns
// regardless of place (`ownedAssets`: expressways, rivers, metro lines …). Version 1 documents (places as
// plain strings, no boundaries) still load: a string place is read as `{ name, kind: 'other' }`.
import * as z from 'zod';
import { DEPARTMENTS } from '../departments.js';

export const JURISDICTION_FORMAT = 'hotline12345/jurisdiction';
export const JURISDICTION_VERSION = 2;
export const SUPPORTED_VERSIONS = [1, 2] as const;

const name = z.string().trim().min(1, 'must be a non-empty name');
const nameList = z.array(name);

// ---- places -----------------------------------------------------------------------------------------

export const PLACE_KINDS = ['road', 'compound', 'village', 'landmark', 'industrial-park', 'school', 'market', 'park', 'station', 'other'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** 单号 odd, 双号 even, or both sides of the road. */
export const numberRangeSchema = z
  .object({
    from: z.number().int().min(1, 'house numbers start at 1'),
    to: z.number().int().min(1, 'house numbers start at 1'),
    side: z.enum(['odd', 'even', 'both']).default('both'),
  })
  .strict()
  .refine((r) => r.from <= r.to, { message: 'a house-number range needs from ≤ to' });
export type NumberRange = z.infer<typeof numberRangeSchema>;

const placeObject = z
  .object({
    name,
    kind: z.enum(PLACE_KINDS).default('other'),
    aliases: nameList.default([]),
    /** for a road: the house numbers of it that lie inside this unit; absent = the whole road */
    numbers: z.array(numberRangeSchema).min(1).optional(),
  })
  .strict()
  .refine((p) => p.numbers === undefined || p.kind === 'road', { message: 'only a road can have house-number ranges', path: ['numbers'] });

export interface Place {
  name: string;
  kind: PlaceKind;
  /** other ways of writing it (short forms, old names) */
  aliases: string[];
  /** for a road: the house numbers of it that lie inside the unit listing it; absent = the whole road */
  numbers?: NumberRange[];
}

/** A place is `{ name, kind, aliases, numbers? }`; a bare string is shorthand for `{ name, kind: 'other' }`. */
export const placeSchema = z
  .union([name, placeObject])
  .transform((p): Place => (typeof p === 'string' ? { name: p, kind: 'other', aliases: [] } : p));

// ---- boundaries (GeoJSON geometry, WGS84 [lng, lat]) --------------------------------------------------

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const ring = z
  .array(position)
  .min(4, 'a ring needs at least 4 positions (the first repeated at the end)')
  .refine((r) => r[0]![0] === r.at(-1)![0] && r[0]![1] === r.at(-1)![1], { message: 'a ring must end where it starts' });
export const polygonSchema = z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }).strict();
export const multiPolygonSchema = z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }).strict();
export const boundarySchema = z.union([polygonSchema, multiPolygonSchema]);
export type Boundary = z.infer<typeof boundarySchema>;

// ---- the tree ---------------------------------------------------------------------------------------

export const gridSchema = z.object({
  code: z.string().regex(/^\d{12}-\d{2}$/, 'grid code must be <12-digit community code>-<2 digits>'),
  name,
  aliases: nameList.default([]),
  places: z.array(placeSchema).default([]),
  boundary: boundarySchema.optional(),
});

export const communitySchema = z.object({
  code: z.string().regex(/^\d{12}$/, 'community code must be 12 digits'),
  name,
  /** short forms people say for this community */
  aliases: nameList,
  /** place names inside it: roads, compounds (小区), villages, landmarks, parks, schools, markets */
  places: z.array(placeSchema),
  boundary: boundarySchema.optional(),
  grids: z.array(gridSchema).min(1, 'a community needs at least one grid'),
});

export const streetSchema = z.object({
  code: z.string().regex(/^\d{9}$/, 'street code must be 9 digits'),
  name,
  aliases: nameList,
  places: z.array(placeSchema),
  boundary: boundarySchema.optional(),
  communities: z.array(communitySchema),
});

export const districtSchema = z.object({
  code: z.string().regex(/^\d{6}$/, 'district code must be 6 digits'),
  name,
  boundary: boundarySchema.optional(),
});

// ---- owned assets -----------------------------------------------------------------------------------

export const ASSET_KINDS = ['expressway', 'city-road', 'river', 'metro-line', 'metro-station', 'bridge'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];

const departmentCodes = new Set<string>(DEPARTMENTS.map((d) => d.code));

/** Something a department owns wherever it runs: a case about the thing itself goes to that department. */
export const ownedAssetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'an asset id is lower-case ASCII, digits and dashes'),
    name,
    kind: z.enum(ASSET_KINDS),
    aliases: nameList.default([]),
    /** a department code from shared/domain/departments.ts */
    department: z.string().refine((c) => departmentCodes.has(c), { message: 'unknown department code' }),
  })
  .strict();
export type OwnedAsset = z.infer<typeof ownedAssetSchema>;

export const jurisdictionDocumentSchema = z
  .object({
    format: z.literal(JURISDICTION_FORMAT),
    version: z.union([z.literal(1), z.literal(2)]),
    /** the files the document was built from, relative to the repository root */
    generatedFrom: z.array(z.string()),
    /** which layers are sample data rather than a city's official layer */
    sample: z.object({ communities: z.boolean(), grids: z.boolean(), boundaries: z.boolean().default(false) }),
    /** the system of every boundary's coordinates: WGS84 longitude, latitude (GeoJSON's own) */
    coordinateSystem: z.literal('wgs84').default('wgs84'),
    district: districtSchema,
    /** the city's other districts: an address naming one of them is outside this district */
    otherDistricts: z.array(districtSchema).default([]),
    streets: z.array(streetSchema).min(1, 'a district needs at least one street'),
    ownedAssets: z.array(ownedAssetSchema).default([]),
  })
  .superRefine((doc, ctx) => {
    // Codes nest (a child's code starts with its parent's) and are unique across the whole tree.
    const seen = new Map<string, string>();
    const unique = (code: string, path: (string | number)[]) => {
      const first = seen.get(code);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path, message: `duplicate code ${code} (first used at ${first})` });
      else seen.set(code, formatPath(path));
    };
    unique(doc.district.code, ['district', 'code']);
    doc.streets.forEach((street, s) => {
      const sp = ['streets', s];
      if (!street.code.startsWith(doc.district.code)) {
        ctx.addIssue({ code: 'custom', path: [...sp, 'code'], message: `street ${street.code} does not start with the district code ${doc.district.code}` });
      }
      unique(street.code, [...sp, 'code']);
      street.communities.forEach((community, c) => {
        const cp = [...sp, 'communities', c];
        if (!community.code.startsWith(street.code)) {
          ctx.addIssue({ code: 'custom', path: [...cp, 'code'], message: `community ${community.code} does not start with its street code ${street.code}` });
        }
        unique(community.code, [...cp, 'code']);
        community.grids.forEach((grid, g) => {
          const gp = [...cp, 'grids', g, 'code'];
          if (!grid.code.startsWith(`${community.code}-`)) {
            ctx.addIssue({ code: 'custom', path: gp, message: `grid ${grid.code} does not start with its community code ${community.code}` });
          }
          unique(grid.code, gp);
        });
      });
    });
    const assetIds = new Map<string, number>();
    doc.ownedAssets.forEach((asset, a) => {
      const first = assetIds.get(asset.id);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['ownedAssets', a, 'id'], message: `duplicate asset id ${asset.id} (first used at ownedAssets[${first}])` });
      else assetIds.set(asset.id, a);
    });
  });

/** The document as a file may give it (version 1 or 2, defaults omitted). */
export type JurisdictionDocumentInput = z.input<typeof jurisdictionDocumentSchema>;
/** The document after validation: version-2 shape, every default filled in. */
export type JurisdictionDocument = z.infer<typeof jurisdictionDocumentSchema>;
export type StreetData = z.infer<typeof streetSchema>;
export type CommunityData = z.infer<typeof communitySchema>;
export type GridData = z.infer<typeof gridSchema>;
export type DistrictData = z.infer<typeof districtSchema>;

/** Thrown when a jurisdiction document is invalid; `problems` holds one "path: message" line per issue. */
export class JurisdictionDataError extends Error {
  constructor(
    readonly source: string,
    readonly problems: string[],
  ) {
    super(`invalid jurisdiction data in ${source}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'JurisdictionDataError';
  }
}

/** `streets[3].communities[0].code`; the document root is `(root)`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

/** Validates `data` (e.g. a parsed JSON file) and returns the typed document; `source` names it in errors. */
export function parseJurisdictionDocument(data: unknown, source = 'jurisdiction data'): JurisdictionDocument {
  const result = jurisdictionDocumentSchema.safeParse(data);
  if (result.success) return result.data;
  throw new JurisdictionDataError(
    source,
    result.error.issues.map((issue) => `${formatPath(issue.path)}: ${issue.message}`),
  );
}
