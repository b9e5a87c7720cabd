// The router interface: one decision per hop of the jurisdiction tree, each with a confidence and a reason.
import type { GeoPoint, UnitRef } from '../case.js';

export interface RoutingInput {
  content: string;
  address?: string;
  location?: GeoPoint;
  /** unit codes that must not be chosen (they returned the case) */
  excludeUnits?: string[];
}

export interface StreetDecision {
  /** null when no street could be decided: the case goes to district triage */
  street: UnitRef | null;
  confidence: number;
  reason: string;
}

export interface CommunityDecision {
  /** null when no community could be decided inside the street: the case goes to street triage */
  community: UnitRef | null;
  grid: UnitRef | null;
  confidence: number;
  reason: string;
}

export interface Router {
  /** the district hop: which street/town (街镇) */
  pickStreet(input: RoutingInput): StreetDecision;
  /** the street hop: which community (村社) and grid (网格) inside the given street */
  pickCommunityAndGrid(streetCode: string, input: RoutingInput): CommunityDecision;
}
