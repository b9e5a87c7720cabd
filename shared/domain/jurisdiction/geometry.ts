// Small geometry on jurisdiction boundaries (GeoJSON Polygon / MultiPolygon in WGS84 [lng, lat]):
// bounding boxes, point-in-boundary (turf), and the distance in metres from a point to a boundary's edge.
// Distances use a local equirectangular projection around the point: exact enough (well under 1 %) at
// the few-hundred-metre scale the boundary rule works at.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Boundary } from './schema.js';

export type Position = readonly [number, number];
export type BBox = readonly [minX: number, minY: number, maxX: number, maxY: number];

const EARTH_RADIUS_M = 6_371_008.8;
const DEG = Math.PI / 180;

/** The polygons of a boundary, each as its rings (outer first). */
export function polygonsOf(boundary: Boundary): (readonly (readonly Position[])[])[] {
  return boundary.type === 'Polygon' ? [boundary.coordinates as Position[][]] : (boundary.coordinates as Position[][][]);
}

export function bboxOf(boundary: Boundary): BBox {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const polygon of polygonsOf(boundary)) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Whether the point lies inside the boundary (on an edge counts as inside unless `strict`). */
export function containsPoint(boundary: Boundary, point: Position, strict = false): boolean {
  return booleanPointInPolygon(point as [number, number], boundary, { ignoreBoundary: strict });
}

/** Metres per degree of longitude and latitude near the given latitude. */
export function metresPerDegree(lat: number): { x: number; y: number } {
  const y = EARTH_RADIUS_M * DEG;
  return { x: y * Math.cos(lat * DEG), y };
}

/** Degrees of longitude and latitude that are at least `metres` long near the given latitude. */
export function degreesFor(metres: number, lat: number): { dx: number; dy: number } {
  const m = metresPerDegree(lat);
  return { dx: metres / m.x, dy: metres / m.y };
}

/** Shortest distance in metres from the point to any edge of the boundary (0 on an edge). */
export function distanceToEdge(boundary: Boundary, point: Position): number {
  const m = metresPerDegree(point[1]);
  const px = point[0] * m.x;
  const py = point[1] * m.y;
  let best = Infinity;
  for (const polygon of polygonsOf(boundary)) {
    for (const ring of polygon) {
      for (let i = 1; i < ring.length; i++) {
        const a = ring[i - 1]!;
        const b = ring[i]!;
        const d = segmentDistance(px, py, a[0] * m.x, a[1] * m.y, b[0] * m.x, b[1] * m.y);
        if (d < best) best = d;
      }
    }
  }
  return best;
}

/** Distance in metres from the point to the boundary's area: 0 inside, else the distance to its edge. */
export function distanceToBoundary(boundary: Boundary, point: Position): number {
  return containsPoint(boundary, point) ? 0 : distanceToEdge(boundary, point);
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((px - ax) * dx + (py - ay) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** Signed area of a ring in square degrees: positive when counter-clockwise. */
export function ringArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 1; i < ring.length; i++) {
    const a = ring[i - 1]!;
    const b = ring[i]!;
    sum += a[0] * b[1] - b[0] * a[1];
  }
  return sum / 2;
}

/** A point strictly inside the boundary (for sampling and tests), or undefined for a degenerate one. */
export function interiorPoint(boundary: Boundary): Position | undefined {
  const [minX, minY, maxX, maxY] = bboxOf(boundary);
  for (let n = 2; n <= 64; n *= 2) {
    for (let j = 1; j < n; j += 2) {
      for (let i = 1; i < n; i += 2) {
        const p: Position = [minX + ((maxX - minX) * i) / n, minY + ((maxY - minY) * j) / n];
        if (containsPoint(boundary, p, true)) return p;
      }
    }
  }
  return undefined;
}
