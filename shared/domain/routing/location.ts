// What a request's coordinates say: the street, community and grid whose boundaries hold the point, and
// the other units within the boundary distance of it (a point 30 m from a street's edge could be either).
import type { GeoPoint } from '../case.js';
import type { BoundaryIndex, NearbyUnit } from '../jurisdiction/boundary-index.js';
import type { Position } from '../jurisdiction/geometry.js';
import type { JurisdictionNode, JurisdictionTree } from '../jurisdiction/tree.js';
import { describePoint, toWgs84 } from './coordinates.js';

/** Confidence in a unit from the point alone: well inside it, or within the boundary distance of another. */
export const LOCATION_CONFIDENCE = 0.9;
export const NEAR_BOUNDARY_CONFIDENCE = 0.7;
/** Text and point disagree (and no boundary explains it): a person looks. */
export const MISMATCH_CONFIDENCE = 0.4;

export interface LocationFinding {
  /** the point as WGS84 [lng, lat] */
  point: Position;
  /** "23.10812,113.44821(GCJ-02)" */
  described: string;
  street?: JurisdictionNode;
  community?: JurisdictionNode;
  grid?: JurisdictionNode;
  /** other streets / communities within the boundary distance, nearest first */
  nearStreets: NearbyUnit[];
  nearCommunities: NearbyUnit[];
}

export function findLocation(index: BoundaryIndex, tree: JurisdictionTree, location: GeoPoint, boundaryMetres: number): LocationFinding {
  const point = toWgs84(location);
  const located = index.locate(point);
  const grid = located.grid;
  // a layer may carry grid boundaries only: the grid then places the point in its community and street
  const parent = (node: JurisdictionNode | undefined) => (node?.parentCode ? tree.get(node.parentCode) : undefined);
  const community = located.community ?? parent(grid);
  const street = located.street ?? parent(community);
  const others = (level: 'street' | 'community', own: JurisdictionNode | undefined) =>
    index.nearby(level, point, boundaryMetres).filter((n) => n.node.code !== own?.code);
  return {
    point,
    described: describePoint(location),
    ...(street ? { street } : {}),
    ...(community ? { community } : {}),
    ...(grid ? { grid } : {}),
    nearStreets: others('street', street),
    nearCommunities: others('community', community),
  };
}
