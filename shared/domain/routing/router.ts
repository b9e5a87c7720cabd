// The router interface: one decision per hop of the jurisdiction tree, each with a confidence, a reason a
// person can read, and flags a program can read.
import type { GeoPoint, UnitRef } from '../case.js';
import type { JurisdictionTree } from '../jurisdiction/tree.js';

export interface RoutingInput {
  content: string;
  address?: string;
  /** where the problem is; `system` says GCJ-02 or WGS84 (absent: GCJ-02) */
  location?: GeoPoint;
  /** unit codes that must not be chosen (they returned the case): streets, communities, grids or departments */
  excludeUnits?: string[];
}

/** Machine-readable notes on a decision; the reason says the same in words. */
export type RoutingFlag =
  /** the text names one unit and the coordinates lie in another */
  | 'text-location-mismatch'
  /** the point lies within the boundary distance of another unit: both are named */
  | 'near-boundary'
  /** the case is about something a department owns wherever it is (a road, river, metro line) */
  | 'owned-asset'
  /** a name was found only with one character typed wrong */
  | 'typo-match'
  /** the address names another district of the city */
  | 'outside-district'
  /** the coordinates lie outside every boundary of the district */
  | 'location-outside-boundaries'
  /** units that returned the case were passed over */
  | 'excluded-units'
  /** several units are named about equally: no decision */
  | 'ambiguous';

/** A unit that was in the running, and how strongly. */
export interface RoutingCandidate extends UnitRef {
  score: number;
}

export interface StreetDecision {
  /** null when no street could be decided (district triage), or when a department owns the case */
  street: UnitRef | null;
  /** set when the case is about something a department owns regardless of place: it goes there, not to a street */
  department?: UnitRef;
  confidence: number;
  reason: string;
  flags: RoutingFlag[];
  /** the units in the running, best first (both sides of a nearby boundary, a tie …) */
  candidates: RoutingCandidate[];
}

export interface CommunityDecision {
  /** null when no community could be decided inside the street: the case goes to street triage */
  community: UnitRef | null;
  grid: UnitRef | null;
  confidence: number;
  reason: string;
  flags: RoutingFlag[];
  candidates: RoutingCandidate[];
}

export interface Router {
  /** the tree the router routes over (for checking a person's triage choice) */
  readonly tree: JurisdictionTree;
  /** decisions below this confidence go to a person (triage) */
  readonly autoDispatchConfidence: number;
  /** the district hop: which street/town (街镇), or the department that owns what the case is about */
  pickStreet(input: RoutingInput): StreetDecision;
  /** the street hop: which community (村社) and grid (网格) inside the given street */
  pickCommunityAndGrid(streetCode: string, input: RoutingInput): CommunityDecision;
  /** a grid of the community for a person's triage choice (the one holding the location, else the first) */
  gridFor(communityCode: string, input: RoutingInput): UnitRef | null;
}
