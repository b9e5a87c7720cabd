// Checks a jurisdiction file the way a city's data team needs before a new layer goes live, each problem
// with its line in the file: the schema (codes, nesting, duplicates, unknown department codes), the
// boundaries (siblings that overlap, a parent's area its children leave uncovered — a gap —, a child that
// reaches outside its parent, a level where only some units have boundaries), and the names (a place two
// units both claim with no house-number ranges to tell them apart, overlapping ranges of one road, two
// different names that read the same once confusable characters are folded, a street with no communities).
//
// Gaps are found by sampling: points on a lattice of GAP_SAMPLES × GAP_SAMPLES over each parent's box; a
// gap narrower than the lattice spacing can be missed. Overlaps: crossing edges, a vertex or interior point
// of one strictly inside the other, or a point of a 12 × 12 lattice over the two boxes' common part inside
// both (an overlap thinner than that lattice and with no crossing edge can be missed).
import { foldConfusables } from '../routing/confusable.js';
import { bboxOf, containsPoint, interiorPoint, polygonsOf, type BBox, type Position } from './geometry.js';
import { JsonSyntaxError, lineOf, parseJsonWithLines } from './json-locations.js';
import { formatPath, jurisdictionDocumentSchema, type Boundary, type JurisdictionDocument, type NumberRange, type Place } from './schema.js';

export interface ValidationProblem {
  severity: 'error' | 'warning';
  /** the JSON path of the value at fault */
  path: string;
  /** its line in the file (1-based), when known */
  line?: number;
  message: string;
}

export interface ValidationReport {
  problems: ValidationProblem[];
  /** the validated document, if the schema accepted it */
  document?: JurisdictionDocument;
  counts?: { streets: number; communities: number; grids: number; boundaries: number; places: number; ownedAssets: number };
}

export const GAP_SAMPLES = 48;
const MAX_GAP_POINTS_SHOWN = 3;

type Path = (string | number)[];

interface UnitAt {
  code: string;
  name: string;
  path: Path;
  boundary?: Boundary;
  places: Place[];
  aliases: string[];
}

/** Validates the text of a jurisdiction file (JSON). Never throws on bad input: every problem is reported. */
export function validateJurisdictionText(text: string): ValidationReport {
  let parsed: { value: unknown; lines: Map<string, number> };
  try {
    parsed = parseJsonWithLines(text);
  } catch (error) {
    if (error instanceof JsonSyntaxError) return { problems: [{ severity: 'error', path: '(root)', line: error.line, message: `not valid JSON: ${error.message}` }] };
    throw error;
  }
  const { value, lines } = parsed;
  const problems: ValidationProblem[] = [];
  const report: Report = Object.assign(
    (severity: ValidationProblem['severity'], path: Path, message: string) => {
      const line = lineOf(lines, path);
      problems.push({ severity, path: formatPath(path), ...(line !== undefined ? { line } : {}), message });
    },
    { lineOf: (path: Path) => lineOf(lines, path) },
  );

  const result = jurisdictionDocumentSchema.safeParse(value);
  if (!result.success) {
    for (const issue of result.error.issues) report('error', issue.path as Path, issue.message);
    return { problems: sortProblems(problems) };
  }
  const doc = result.data;

  const districtUnit: UnitAt = { code: doc.district.code, name: doc.district.name, path: ['district'], places: [], aliases: [], ...(doc.district.boundary ? { boundary: doc.district.boundary } : {}) };
  const streets: UnitAt[] = doc.streets.map((s, i) => ({ ...s, path: ['streets', i] }));
  checkLevel(districtUnit, streets, 'street', report);
  let communityCount = 0;
  let gridCount = 0;
  const allUnits: UnitAt[] = [...streets];
  doc.streets.forEach((street, s) => {
    if (street.communities.length === 0) report('warning', ['streets', s, 'communities'], `${street.name}(${street.code}) has no communities: every case for it will wait in street triage`);
    const communities: UnitAt[] = street.communities.map((c, i) => ({ ...c, path: ['streets', s, 'communities', i] }));
    communityCount += communities.length;
    allUnits.push(...communities);
    checkLevel(streets[s]!, communities, 'community', report);
    street.communities.forEach((community, c) => {
      const grids: UnitAt[] = community.grids.map((g, i) => ({ ...g, path: ['streets', s, 'communities', c, 'grids', i] }));
      gridCount += grids.length;
      allUnits.push(...grids);
      checkLevel(communities[c]!, grids, 'grid', report);
    });
  });
  checkNames(allUnits, report);

  return {
    problems: sortProblems(problems),
    document: doc,
    counts: {
      streets: doc.streets.length,
      communities: communityCount,
      grids: gridCount,
      boundaries: [districtUnit, ...allUnits].filter((u) => u.boundary).length,
      places: allUnits.reduce((n, u) => n + u.places.length, 0),
      ownedAssets: doc.ownedAssets.length,
    },
  };
}

function sortProblems(problems: ValidationProblem[]): ValidationProblem[] {
  return problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

type Report = ((severity: ValidationProblem['severity'], path: Path, message: string) => void) & { lineOf: (path: Path) => number | undefined };

/** Boundaries of a parent and its children: all or none, no overlaps, no gaps, nothing outside. */
function checkLevel(parent: UnitAt, children: readonly UnitAt[], level: string, report: Report): void {
  const withBoundary = children.filter((c) => c.boundary);
  if (withBoundary.length && withBoundary.length < children.length) {
    for (const c of children.filter((x) => !x.boundary)) {
      report('warning', c.path, `${label(c)} has no boundary while ${withBoundary.length} other ${level}(s) of ${label(parent)} do: a location there cannot reach it`);
    }
  }
  const boxes = withBoundary.map((c) => bboxOf(c.boundary!));
  for (let a = 0; a < withBoundary.length; a++) {
    for (let b = a + 1; b < withBoundary.length; b++) {
      if (!boxesOverlap(boxes[a]!, boxes[b]!)) continue;
      const where = overlapPoint(withBoundary[a]!.boundary!, withBoundary[b]!.boundary!);
      if (where) {
        report('error', [...withBoundary[b]!.path, 'boundary'], `boundary overlaps its sibling ${label(withBoundary[a]!)} (line ${report.lineOf([...withBoundary[a]!.path, 'boundary']) ?? '?'}) near ${fmt(where)}`);
      }
    }
  }
  if (!parent.boundary || withBoundary.length === 0) return;
  // children reaching outside the parent
  for (const child of withBoundary) {
    const outside = firstVertex(child.boundary!, (p) => !containsPoint(parent.boundary!, p));
    if (outside) report('error', [...child.path, 'boundary'], `boundary reaches outside its parent ${label(parent)} at ${fmt(outside)}`);
  }
  // gaps: lattice points inside the parent that no child holds
  const [minX, minY, maxX, maxY] = bboxOf(parent.boundary);
  const gaps: Position[] = [];
  let gapCount = 0;
  for (let j = 0; j < GAP_SAMPLES; j++) {
    for (let i = 0; i < GAP_SAMPLES; i++) {
      const p: Position = [minX + ((maxX - minX) * (i + 0.5)) / GAP_SAMPLES, minY + ((maxY - minY) * (j + 0.5)) / GAP_SAMPLES];
      if (!containsPoint(parent.boundary, p, true)) continue;
      if (withBoundary.some((c, n) => inBox(boxes[n]!, p) && containsPoint(c.boundary!, p))) continue;
      gapCount++;
      if (gaps.length < MAX_GAP_POINTS_SHOWN) gaps.push(p);
    }
  }
  if (gapCount) {
    report('error', [...parent.path, 'boundary'], `gap: ${gapCount} of the sampled points inside ${label(parent)} lie in none of its ${level}s, e.g. ${gaps.map(fmt).join(', ')}`);
  }
}

/** Places two units both claim, overlapping ranges of one road, and names that fold to the same text. */
function checkNames(units: readonly UnitAt[], report: Report): void {
  const claims = new Map<string, { unit: UnitAt; place: Place; index: number }[]>();
  units.forEach((unit) =>
    unit.places.forEach((place, index) => {
      const list = claims.get(place.name) ?? [];
      list.push({ unit, place, index });
      claims.set(place.name, list);
    }),
  );
  for (const [name, list] of claims) {
    // a unit and its own ancestor may both list a place (the street lists a landmark its community also has)
    const distinct = list.filter((x) => !list.some((y) => y !== x && x.unit.code.startsWith(y.unit.code) && x.unit.code !== y.unit.code));
    if (distinct.length < 2) continue;
    const unranged = distinct.filter((x) => !x.place.numbers);
    if (unranged.length > 0) {
      const [first, ...rest] = distinct;
      for (const x of rest) {
        report('warning', [...x.unit.path, 'places', x.index], `“${name}” is also listed by ${label(first!.unit)} (line ${report.lineOf([...first!.unit.path, 'places', first!.index]) ?? '?'}) and not both give house-number ranges to split it: a case naming it goes to triage`);
      }
      continue;
    }
    for (let a = 0; a < distinct.length; a++) {
      for (let b = a + 1; b < distinct.length; b++) {
        const clash = rangesOverlap(distinct[a]!.place.numbers!, distinct[b]!.place.numbers!);
        if (clash !== undefined) {
          report('error', [...distinct[b]!.unit.path, 'places', distinct[b]!.index, 'numbers'], `house number ${clash} of “${name}” is claimed by both ${label(distinct[a]!.unit)} and ${label(distinct[b]!.unit)}`);
        }
      }
    }
  }
  const folded = new Map<string, { text: string; unit: UnitAt; path: Path }>();
  for (const unit of units) {
    const names: [string, Path][] = [
      [unit.name, [...unit.path, 'name']],
      ...unit.aliases.map((a, n): [string, Path] => [a, [...unit.path, 'aliases', n]]),
      ...unit.places.map((p, n): [string, Path] => [p.name, [...unit.path, 'places', n]]),
    ];
    for (const [text, path] of names) {
      const key = foldConfusables(text);
      const seen = folded.get(key);
      if (seen && seen.text !== text) {
        report('warning', path, `“${text}” reads the same as “${seen.text}” (${label(seen.unit)}) once confusable characters are folded: the router cannot tell them apart`);
      } else if (!seen) folded.set(key, { text, unit, path });
    }
  }
}

function rangesOverlap(a: readonly NumberRange[], b: readonly NumberRange[]): number | undefined {
  for (const x of a) {
    for (const y of b) {
      const from = Math.max(x.from, y.from);
      const to = Math.min(x.to, y.to);
      for (let n = from; n <= to && n <= from + 2; n++) {
        const onX = x.side === 'both' || (x.side === 'odd') === (n % 2 === 1);
        const onY = y.side === 'both' || (y.side === 'odd') === (n % 2 === 1);
        if (onX && onY) return n;
      }
    }
  }
  return undefined;
}

// ---- geometry helpers -------------------------------------------------------------------------------

function boxesOverlap(a: BBox, b: BBox): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

function inBox(box: BBox, p: Position): boolean {
  return p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[1] && p[1] <= box[3];
}

function firstVertex(boundary: Boundary, test: (p: Position) => boolean): Position | undefined {
  for (const polygon of polygonsOf(boundary)) for (const ring of polygon) for (const p of ring) if (test(p)) return p;
  return undefined;
}

/** A point where two boundaries overlap (not merely touch), or undefined. */
export function overlapPoint(a: Boundary, b: Boundary): Position | undefined {
  const inside = (p: Position, other: Boundary) => containsPoint(other, p, true);
  const vertexInB = firstVertex(a, (p) => inside(p, b));
  if (vertexInB) return vertexInB;
  const vertexInA = firstVertex(b, (p) => inside(p, a));
  if (vertexInA) return vertexInA;
  for (const pa of polygonsOf(a)) {
    for (const ra of pa) {
      for (const pb of polygonsOf(b)) {
        for (const rb of pb) {
          for (let i = 1; i < ra.length; i++) {
            for (let j = 1; j < rb.length; j++) {
              const x = properCrossing(ra[i - 1]!, ra[i]!, rb[j - 1]!, rb[j]!);
              if (x) return x;
            }
          }
        }
      }
    }
  }
  const ia = interiorPoint(a);
  if (ia && inside(ia, b)) return ia;
  const ib = interiorPoint(b);
  if (ib && inside(ib, a)) return ib;
  // boundaries whose edges only run along each other (a shifted copy): sample where their boxes meet
  const [ax0, ay0, ax1, ay1] = bboxOf(a);
  const [bx0, by0, bx1, by1] = bboxOf(b);
  const [x0, y0, x1, y1] = [Math.max(ax0, bx0), Math.max(ay0, by0), Math.min(ax1, bx1), Math.min(ay1, by1)];
  for (let j = 0; j < OVERLAP_SAMPLES; j++) {
    for (let i = 0; i < OVERLAP_SAMPLES; i++) {
      const p: Position = [x0 + ((x1 - x0) * (i + 0.5)) / OVERLAP_SAMPLES, y0 + ((y1 - y0) * (j + 0.5)) / OVERLAP_SAMPLES];
      if (inside(p, a) && inside(p, b)) return p;
    }
  }
  return undefined;
}

const OVERLAP_SAMPLES = 12;

/** The crossing point of two segments that cross in their interiors (touching or overlapping collinearly does not count). */
function properCrossing(p1: Position, p2: Position, q1: Position, q2: Position): Position | undefined {
  const d = (a: Position, b: Position, c: Position) => (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
  const d1 = d(q1, q2, p1);
  const d2 = d(q1, q2, p2);
  const d3 = d(p1, p2, q1);
  const d4 = d(p1, p2, q2);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
    const t = d1 / (d1 - d2);
    return [p1[0] + t * (p2[0] - p1[0]), p1[1] + t * (p2[1] - p1[1])];
  }
  return undefined;
}

function label(u: { code: string; name: string }): string {
  return `${u.name}(${u.code})`;
}

function fmt(p: Position): string {
  return `[${p[0].toFixed(5)}, ${p[1].toFixed(5)}]`;
}
