// Geometry on boundaries, the spatial index, and the generated sample boundaries.
import { describe, expect, it } from 'vitest';
import { BoundaryIndex } from '../../../shared/domain/jurisdiction/boundary-index.js';
import { bboxOf, containsPoint, distanceToBoundary, distanceToEdge, interiorPoint, ringArea } from '../../../shared/domain/jurisdiction/geometry.js';
import { huangpuTree } from '../../../shared/domain/jurisdiction/huangpu.js';
import type { Boundary } from '../../../shared/domain/jurisdiction/schema.js';
import type { JurisdictionNode } from '../../../shared/domain/jurisdiction/tree.js';
import { traceCells } from '../../../scripts/jurisdiction/sample-boundaries.js';

const square = (x0: number, y0: number, x1: number, y1: number): Boundary => ({ type: 'Polygon', coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const node = (code: string, level: JurisdictionNode['level']): JurisdictionNode => ({ code, name: code, level, parentCode: null });

describe('geometry', () => {
  const box = square(113, 23, 113.01, 23.01);

  it('bounds, contains, and finds an interior point', () => {
    expect(bboxOf(box)).toEqual([113, 23, 113.01, 23.01]);
    expect(containsPoint(box, [113.005, 23.005])).toBe(true);
    expect(containsPoint(box, [113.02, 23.005])).toBe(false);
    expect(containsPoint(box, [113.01, 23.005])).toBe(true);
    expect(containsPoint(box, [113.01, 23.005], true)).toBe(false);
    const p = interiorPoint(box)!;
    expect(containsPoint(box, p, true)).toBe(true);
  });

  it('measures the distance to an edge in metres (0.001° of latitude ≈ 111 m)', () => {
    expect(distanceToEdge(box, [113.005, 23.009])).toBeCloseTo(111.2, 0);
    expect(distanceToBoundary(box, [113.005, 23.005])).toBe(0);
    expect(distanceToBoundary(box, [113.005, 23.011])).toBeCloseTo(111.2, 0);
  });

  it('gives rings a sign: counter-clockwise is positive', () => {
    const ring = (box as { coordinates: [number, number][][] }).coordinates[0]!;
    expect(ringArea(ring)).toBeGreaterThan(0);
    expect(ringArea([...ring].reverse())).toBeLessThan(0);
  });
});

describe('BoundaryIndex', () => {
  const index = new BoundaryIndex([
    { node: node('A', 'street'), boundary: square(0, 0, 1, 1) },
    { node: node('B', 'street'), boundary: square(1, 0, 2, 1) },
    { node: node('A-1', 'grid'), boundary: square(0, 0, 0.5, 1) },
  ]);

  it('locates a point at every level that has boundaries, the lowest code on a shared edge', () => {
    expect(index.locate([0.25, 0.5])).toEqual({ street: node('A', 'street'), grid: node('A-1', 'grid') });
    expect(index.unitAt('street', [1, 0.5])?.code).toBe('A');
    expect(index.unitAt('street', [5, 5])).toBeUndefined();
    expect(index.unitAt('community', [0.5, 0.5])).toBeUndefined();
    expect(index.has('grid')).toBe(true);
    expect(index.size('street')).toBe(2);
  });

  it('finds the units within a distance, nearest first', () => {
    const near = index.nearby('street', [0.9999, 0.5], 50);
    expect(near.map((n) => n.node.code)).toEqual(['A', 'B']);
    expect(near[0]!.distance).toBe(0);
    expect(index.nearby('street', [0.5, 0.5], 50).map((n) => n.node.code)).toEqual(['A']);
  });

  it('places every Huangpu grid\'s interior point in that grid, its community and its street', () => {
    const huangpu = new BoundaryIndex(huangpuTree.nodesWithBoundaries());
    for (const street of huangpuTree.streets()) {
      for (const community of huangpuTree.communities(street.code)) {
        for (const grid of huangpuTree.grids(community.code)) {
          const p = interiorPoint(huangpuTree.boundaryOf(grid.code)!)!;
          const at = huangpu.locate(p);
          expect([at.grid?.code, at.community?.code, at.street?.code], grid.code).toEqual([grid.code, community.code, street.code]);
        }
      }
    }
  });
});

describe('traceCells (sample boundary generation)', () => {
  it('outlines an L of cells as one polygon with corners only', () => {
    const b = traceCells([[0, 0], [1, 0], [0, 1]], 0, 0, 1);
    expect(b.type).toBe('Polygon');
    const ring = (b as { coordinates: [number, number][][] }).coordinates[0]!;
    expect(ring).toHaveLength(7); // six corners, closed
    expect(ringArea(ring)).toBe(3);
  });

  it('makes two pieces a MultiPolygon and keeps a hole', () => {
    expect(traceCells([[0, 0], [5, 5]], 0, 0, 1).type).toBe('MultiPolygon');
    const ringCells: [number, number][] = [];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) if (i !== 1 || j !== 1) ringCells.push([i, j]);
    const donut = traceCells(ringCells, 0, 0, 1) as { type: 'Polygon'; coordinates: [number, number][][] };
    expect(donut.coordinates).toHaveLength(2);
    expect(ringArea(donut.coordinates[0]!)).toBe(9);
    expect(ringArea(donut.coordinates[1]!)).toBe(-1);
    expect(containsPoint(donut, [1.5, 1.5])).toBe(false);
    expect(containsPoint(donut, [0.5, 0.5])).toBe(true);
  });
});
