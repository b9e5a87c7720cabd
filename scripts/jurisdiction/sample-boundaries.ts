// SAMPLE boundaries: generated, not surveyed. Real community and grid boundaries are not public, so the
// build makes a plausible, internally consistent layer to exercise location routing and the validator:
//
//   1. the district's rough outline (data/sample/huangpu-outline.json, hand-drawn) is cut into square
//      cells of CELL_DEGREES;
//   2. each cell goes to the street whose anchor point (data/sample/huangpu-streets-sample.csv, a rough
//      position of the street's centre) is nearest: a Voronoi partition of the district;
//   3. a street's cells are split among its communities by k-means (k = its number of communities), and a
//      community's among its grids the same way;
//   4. every unit's cells are traced into a GeoJSON Polygon or MultiPolygon (outer rings counter-clockwise,
//      holes clockwise, as RFC 7946 says).
//
// So siblings never overlap, children exactly tile their parent, and nothing is left uncovered: the shapes
// are blocky and only roughly where the real units are. Deterministic: the same inputs give the same JSON.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Boundary } from '../../shared/domain/jurisdiction/schema.js';

export const CELL_DEGREES = 0.003;

export interface SampleLayerInput {
  /** the district's outline: one ring of [lng, lat] */
  outline: [number, number][];
  streets: { code: string; anchor: [number, number]; communities: { code: string; grids: string[] }[] }[];
  cellDegrees?: number;
}

type Cell = readonly [i: number, j: number];

/** Boundaries for the district (under `districtCode`), every street, community and grid. */
export function generateSampleBoundaries(input: SampleLayerInput, districtCode: string): Map<string, Boundary> {
  const s = input.cellDegrees ?? CELL_DEGREES;
  const xs = input.outline.map((p) => p[0]);
  const ys = input.outline.map((p) => p[1]);
  const x0 = Math.floor(Math.min(...xs) / s) * s;
  const y0 = Math.floor(Math.min(...ys) / s) * s;
  const cols = Math.ceil((Math.max(...xs) - x0) / s);
  const rows = Math.ceil((Math.max(...ys) - y0) / s);
  const polygon = { type: 'Polygon' as const, coordinates: [input.outline] };
  const kx = Math.cos(((y0 + (rows * s) / 2) * Math.PI) / 180); // metric-ish distances: shrink longitude
  const centre = ([i, j]: Cell): [number, number] => [x0 + (i + 0.5) * s, y0 + (j + 0.5) * s];
  const dist2 = (a: readonly [number, number], b: readonly [number, number]) => ((a[0] - b[0]) * kx) ** 2 + (a[1] - b[1]) ** 2;

  const cells: Cell[] = [];
  for (let j = 0; j < rows; j++) for (let i = 0; i < cols; i++) if (booleanPointInPolygon(centre([i, j]), polygon)) cells.push([i, j]);

  const out = new Map<string, Boundary>();
  const put = (code: string, set: readonly Cell[]) => {
    if (set.length === 0) throw new Error(`sample layer: unit ${code} got no cells (too many children for its area?)`);
    out.set(code, traceCells(set, x0, y0, s));
  };
  put(districtCode, cells);

  const byStreet = new Map<string, Cell[]>(input.streets.map((st) => [st.code, []]));
  for (const cell of cells) {
    const c = centre(cell);
    let best = input.streets[0]!;
    for (const st of input.streets) if (dist2(c, st.anchor) < dist2(c, best.anchor)) best = st;
    byStreet.get(best.code)!.push(cell);
  }
  for (const street of input.streets) {
    const streetCells = byStreet.get(street.code)!;
    put(street.code, streetCells);
    const communityCells = kMeans(streetCells, street.communities.length, centre, dist2, street.anchor);
    street.communities.forEach((community, c) => {
      const mine = communityCells[c]!;
      put(community.code, mine);
      const gridCells = kMeans(mine, community.grids.length, centre, dist2, centre(mine[0]!));
      community.grids.forEach((grid, g) => put(grid, gridCells[g]!));
    });
  }
  return out;
}

/**
 * Splits cells into k non-empty clusters by Lloyd's k-means from a deterministic farthest-point start,
 * ordered north to south then west to east by their centres (so the first community is the northernmost).
 */
function kMeans(
  cells: readonly Cell[],
  k: number,
  centre: (c: Cell) => [number, number],
  dist2: (a: readonly [number, number], b: readonly [number, number]) => number,
  start: readonly [number, number],
): Cell[][] {
  if (k > cells.length) throw new Error(`sample layer: ${k} units cannot share ${cells.length} cells`);
  const points = cells.map(centre);
  const nearest = (p: readonly [number, number], cs: readonly (readonly [number, number])[]) => {
    let best = 0;
    for (let c = 1; c < cs.length; c++) if (dist2(p, cs[c]!) < dist2(p, cs[best]!)) best = c;
    return best;
  };
  let first = 0;
  points.forEach((p, n) => {
    if (dist2(p, start) < dist2(points[first]!, start)) first = n;
  });
  const centres: [number, number][] = [points[first]!];
  while (centres.length < k) {
    let far = 0;
    let farD = -1;
    points.forEach((p, n) => {
      const d = dist2(p, centres[nearest(p, centres)]!);
      if (d > farD) [far, farD] = [n, d];
    });
    centres.push(points[far]!);
  }
  let assignment = points.map((p) => nearest(p, centres));
  for (let iteration = 0; iteration < 20; iteration++) {
    const sums = centres.map(() => [0, 0, 0]);
    assignment.forEach((c, n) => {
      sums[c]![0]! += points[n]![0];
      sums[c]![1]! += points[n]![1];
      sums[c]![2]! += 1;
    });
    sums.forEach(([x, y, count], c) => {
      if (count) centres[c] = [x! / count, y! / count];
    });
    const next = points.map((p) => nearest(p, centres));
    // an emptied cluster takes the point farthest from its own centre
    for (let c = 0; c < k; c++) {
      if (next.includes(c)) continue;
      let far = 0;
      let farD = -1;
      points.forEach((p, n) => {
        const d = dist2(p, centres[next[n]!]!);
        if (d > farD && next.filter((x) => x === next[n]).length > 1) [far, farD] = [n, d];
      });
      next[far] = c;
    }
    if (next.every((c, n) => c === assignment[n])) break;
    assignment = next;
  }
  const clusters = centres.map(() => [] as Cell[]);
  assignment.forEach((c, n) => clusters[c]!.push(cells[n]!));
  const mid = (cl: Cell[]) => cl.reduce((acc, c) => [acc[0] + c[0], acc[1] + c[1]], [0, 0]).map((v) => v / cl.length) as [number, number];
  return clusters.sort((a, b) => {
    const [ai, aj] = mid(a);
    const [bi, bj] = mid(b);
    return bj - aj || ai - bi;
  });
}

/** The outline of a set of cells as a Polygon (one piece) or MultiPolygon (several), corners only. */
export function traceCells(cells: readonly Cell[], x0: number, y0: number, s: number): Boundary {
  const key = (i: number, j: number) => `${i},${j}`;
  const inside = new Set(cells.map(([i, j]) => key(i, j)));
  // directed edges with the set on their left, keyed by start vertex
  const edges = new Map<string, [number, number][]>();
  const addEdge = (a: [number, number], b: [number, number]) => {
    const k = key(a[0], a[1]);
    const list = edges.get(k) ?? [];
    list.push(b);
    edges.set(k, list);
  };
  for (const [i, j] of cells) {
    if (!inside.has(key(i, j - 1))) addEdge([i, j], [i + 1, j]);
    if (!inside.has(key(i + 1, j))) addEdge([i + 1, j], [i + 1, j + 1]);
    if (!inside.has(key(i, j + 1))) addEdge([i + 1, j + 1], [i, j + 1]);
    if (!inside.has(key(i - 1, j))) addEdge([i, j + 1], [i, j]);
  }
  const rings: [number, number][][] = [];
  const starts = [...edges.keys()].sort();
  for (const startKey of starts) {
    while ((edges.get(startKey)?.length ?? 0) > 0) {
      const [si, sj] = startKey.split(',').map(Number) as [number, number];
      const ring: [number, number][] = [[si, sj]];
      let prev: [number, number] = [si, sj];
      let at: [number, number] = takeEdge(edges, prev, undefined);
      while (!(at[0] === si && at[1] === sj)) {
        ring.push(at);
        const next = takeEdge(edges, at, prev);
        prev = at;
        at = next;
      }
      ring.push([si, sj]);
      rings.push(simplify(ring));
    }
  }
  const toLngLat = (ring: [number, number][]) => ring.map(([i, j]) => [round(x0 + i * s), round(y0 + j * s)] as [number, number]);
  const outers = rings.filter((r) => area(r) > 0);
  const holes = rings.filter((r) => area(r) < 0);
  const polygons: [number, number][][][] = outers.map((r) => [r]);
  for (const hole of holes) {
    // a point just inside the hole: right of its first edge (the set is on the left)
    const [a, b] = [hole[0]!, hole[1]!];
    const probe: [number, number] = [(a[0] + b[0]) / 2 + Math.sign(b[1] - a[1]) * 0.25, (a[1] + b[1]) / 2 - Math.sign(b[0] - a[0]) * 0.25];
    const owner = polygons.find((p) => booleanPointInPolygon(probe, { type: 'Polygon', coordinates: [p[0]!] }));
    if (owner) owner.push(hole);
  }
  const coords = polygons.map((p) => p.map(toLngLat));
  return coords.length === 1 ? { type: 'Polygon', coordinates: coords[0]! } : { type: 'MultiPolygon', coordinates: coords };
}

/** Take the edge leaving `at`, preferring a left turn (keeps pieces that touch at a corner apart). */
function takeEdge(edges: Map<string, [number, number][]>, at: [number, number], prev: [number, number] | undefined): [number, number] {
  const k = `${at[0]},${at[1]}`;
  const list = edges.get(k);
  if (!list?.length) throw new Error(`sample layer: broken outline at ${k}`);
  let pick = 0;
  if (prev && list.length > 1) {
    const din = [at[0] - prev[0], at[1] - prev[1]];
    const turn = (to: [number, number]) => din[0]! * (to[1] - at[1]) - din[1]! * (to[0] - at[0]); // > 0: left
    pick = list.reduce((best, to, n) => (turn(to) > turn(list[best]!) ? n : best), 0);
  }
  const [next] = list.splice(pick, 1);
  return next!;
}

/** Drop vertices in the middle of straight runs. */
function simplify(ring: [number, number][]): [number, number][] {
  const open = ring.slice(0, -1);
  const kept = open.filter((p, n) => {
    const a = open[(n - 1 + open.length) % open.length]!;
    const b = open[(n + 1) % open.length]!;
    return (p[0] - a[0]) * (b[1] - p[1]) - (p[1] - a[1]) * (b[0] - p[0]) !== 0;
  });
  return [...kept, kept[0]!];
}

function area(ring: [number, number][]): number {
  let sum = 0;
  for (let n = 1; n < ring.length; n++) sum += ring[n - 1]![0] * ring[n]![1] - ring[n]![0] * ring[n - 1]![1];
  return sum / 2;
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
