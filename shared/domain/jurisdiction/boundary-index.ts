// A spatial index over the boundaries of a jurisdiction tree: which street, community and grid hold a
// point (point-in-polygon, turf), and which units lie within some metres of it. One packed R-tree
// (flatbush) per level, so a lookup touches only the few boundaries whose boxes hold the point, however
// many tens of thousands of grids the layer has. Coordinates are WGS84 [lng, lat], like the boundaries.
import Flatbush from 'flatbush';
import { bboxOf, containsPoint, degreesFor, distanceToBoundary, type Position } from './geometry.js';
import type { Boundary } from './schema.js';
import type { JurisdictionLevel, JurisdictionNode } from './tree.js';

interface LevelIndex {
  index: Flatbush;
  nodes: JurisdictionNode[];
  boundaries: Boundary[];
}

export interface NearbyUnit {
  node: JurisdictionNode;
  /** metres from the point to the unit's area (0: the point is inside) */
  distance: number;
}

export type Located = Partial<Record<JurisdictionLevel, JurisdictionNode>>;

export class BoundaryIndex {
  private readonly levels = new Map<JurisdictionLevel, LevelIndex>();

  constructor(entries: readonly { node: JurisdictionNode; boundary: Boundary }[]) {
    const byLevel = new Map<JurisdictionLevel, { node: JurisdictionNode; boundary: Boundary }[]>();
    for (const entry of entries) {
      const list = byLevel.get(entry.node.level) ?? [];
      list.push(entry);
      byLevel.set(entry.node.level, list);
    }
    for (const [level, list] of byLevel) {
      // sorted by code so that a point on a shared edge always resolves to the same unit
      list.sort((a, b) => (a.node.code < b.node.code ? -1 : a.node.code > b.node.code ? 1 : 0));
      const index = new Flatbush(list.length);
      for (const { boundary } of list) index.add(...bboxOf(boundary));
      index.finish();
      this.levels.set(level, { index, nodes: list.map((e) => e.node), boundaries: list.map((e) => e.boundary) });
    }
  }

  /** Whether any unit of the level has a boundary. */
  has(level: JurisdictionLevel): boolean {
    return this.levels.has(level);
  }

  /** How many boundaries the level holds. */
  size(level: JurisdictionLevel): number {
    return this.levels.get(level)?.nodes.length ?? 0;
  }

  /** The unit of the level whose boundary holds the point (the lowest code on a shared edge), if any. */
  unitAt(level: JurisdictionLevel, point: Position): JurisdictionNode | undefined {
    const li = this.levels.get(level);
    if (!li) return undefined;
    const hits = li.index.search(point[0], point[1], point[0], point[1]).sort((a, b) => a - b);
    for (const i of hits) if (containsPoint(li.boundaries[i]!, point)) return li.nodes[i];
    return undefined;
  }

  /** The units holding the point, one per level that has boundaries. */
  locate(point: Position): Located {
    const out: Located = {};
    for (const level of this.levels.keys()) {
      const node = this.unitAt(level, point);
      if (node) out[level] = node;
    }
    return out;
  }

  /** The units of the level within `metres` of the point (those holding it at distance 0), nearest first. */
  nearby(level: JurisdictionLevel, point: Position, metres: number): NearbyUnit[] {
    const li = this.levels.get(level);
    if (!li) return [];
    const { dx, dy } = degreesFor(metres, point[1]);
    const out: NearbyUnit[] = [];
    for (const i of li.index.search(point[0] - dx, point[1] - dy, point[0] + dx, point[1] + dy)) {
      const distance = distanceToBoundary(li.boundaries[i]!, point);
      if (distance <= metres) out.push({ node: li.nodes[i]!, distance });
    }
    return out.sort((a, b) => a.distance - b.distance || (a.node.code < b.node.code ? -1 : 1));
  }
}
