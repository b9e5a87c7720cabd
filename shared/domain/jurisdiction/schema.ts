// The jurisdiction document (区 → 街镇 → 村社 → 网格) as a zod schema, its types, and a parser that
// fails with an error naming the file and the path of every problem. Pure: the data is passed in.
import { z } from 'zod';

export const JURISDICTION_FORMAT = 'hotline12345/jurisdiction';
export const JURISDICTION_VERSION = 1;

const name = z.string().trim().min(1, 'must be a non-empty name');
const nameList = z.array(name);

export const gridSchema = z.object({
  code: z.string().regex(/^\d{12}-\d{2}$/, 'grid code must be <12-digit community code>-<2 digits>'),
  name,
});

export const communitySchema = z.object({
  code: z.string().regex(/^\d{12}$/, 'community code must be 12 digits'),
  name,
  /** short forms people say for this community */
  aliases: nameList,
  /** place names inside it: roads, compounds (小区), villages, landmarks, parks, schools, markets */
  places: nameList,
  grids: z.array(gridSchema).min(1, 'a community needs at least one grid'),
});

export const streetSchema = z.object({
  code: z.string().regex(/^\d{9}$/, 'street code must be 9 digits'),
  name,
  aliases: nameList,
  places: nameList,
  communities: z.array(communitySchema),
});

export const districtSchema = z.object({
  code: z.string().regex(/^\d{6}$/, 'district code must be 6 digits'),
  name,
});

export const jurisdictionDocumentSchema = z
  .object({
    format: z.literal(JURISDICTION_FORMAT),
    version: z.literal(JURISDICTION_VERSION),
    /** the files the document was built from, relative to the repository root */
    generatedFrom: z.array(z.string()),
    /** which layers are sample data rather than a city's official layer */
    sample: z.object({ communities: z.boolean(), grids: z.boolean() }),
    district: districtSchema,
    /** the city's other districts: an address naming one of them is outside this district */
    otherDistricts: z.array(districtSchema).default([]),
    streets: z.array(streetSchema).min(1, 'a district needs at least one street'),
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
  });

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
