// The jurisdiction tree (区 → 街镇 → 村社 → 网格) built from a validated document: lookups by code at
// any level, the children of a node, and a node's ancestors. Pure: the document is passed in.
import type { Jurisdiction, UnitLevel, UnitRef } from '../case.js';
import {
  parseJurisdictionDocument,
  type Boundary,
  type CommunityData,
  type GridData,
  type JurisdictionDocument,
  type OwnedAsset,
  type Place,
  type StreetData,
} from './schema.js';

export type JurisdictionLevel = Exclude<UnitLevel, 'department'>;

/** One node of the tree: official code and Chinese name, its level, and its parent's code (null for the district). */
export interface JurisdictionNode extends UnitRef {
  level: JurisdictionLevel;
  parentCode: string | null;
}

export class JurisdictionTree {
  readonly district: JurisdictionNode;
  /**
   * Whether any node carries a boundary (polygon) so a location can be placed in a unit. Version 1
   * documents have none: routers must fall back to text and say so.
   */
  readonly hasBoundaries: boolean;

  private readonly nodes = new Map<string, JurisdictionNode>();
  private readonly children = new Map<string, JurisdictionNode[]>();
  private readonly streetData = new Map<string, StreetData>();
  private readonly communityData = new Map<string, CommunityData>();
  private readonly gridData = new Map<string, GridData>();
  private readonly boundaries = new Map<string, Boundary>();

  constructor(readonly document: JurisdictionDocument) {
    const { district } = document;
    this.district = this.add({ code: district.code, name: district.name, level: 'district', parentCode: null }, district.boundary);
    for (const street of document.streets) {
      this.streetData.set(street.code, street);
      this.add({ code: street.code, name: street.name, level: 'street', parentCode: district.code }, street.boundary);
      for (const community of street.communities) {
        this.communityData.set(community.code, community);
        this.add({ code: community.code, name: community.name, level: 'community', parentCode: street.code }, community.boundary);
        for (const grid of community.grids) {
          this.gridData.set(grid.code, grid);
          this.add({ code: grid.code, name: grid.name, level: 'grid', parentCode: community.code }, grid.boundary);
        }
      }
    }
    this.hasBoundaries = this.boundaries.size > 0;
  }

  /** The node's boundary (GeoJSON Polygon or MultiPolygon, WGS84), if the document gives one. */
  boundaryOf(code: string): Boundary | undefined {
    return this.boundaries.get(code);
  }

  /** Every node that has a boundary, with it. */
  nodesWithBoundaries(): { node: JurisdictionNode; boundary: Boundary }[] {
    return [...this.boundaries].map(([code, boundary]) => ({ node: this.require(code), boundary }));
  }

  /** The node's own aliases and places (street, community or grid); empty for the district or an unknown code. */
  namesOf(code: string): { aliases: readonly string[]; places: readonly Place[] } {
    const data = this.streetData.get(code) ?? this.communityData.get(code) ?? this.gridData.get(code);
    return data ? { aliases: data.aliases, places: data.places } : { aliases: [], places: [] };
  }

  /** What departments own regardless of place (expressways, rivers, metro lines …). */
  ownedAssets(): readonly OwnedAsset[] {
    return this.document.ownedAssets;
  }

  /** Whether the communities / grids are sample data rather than a city's official layer. */
  get sample(): { communities: boolean; grids: boolean } {
    return { ...this.document.sample };
  }

  /** Any node by its code, or undefined. */
  get(code: string): JurisdictionNode | undefined {
    return this.nodes.get(code);
  }

  /** Any node by its code; throws when the code is unknown. */
  require(code: string): JurisdictionNode {
    const node = this.nodes.get(code);
    if (!node) throw new Error(`unknown jurisdiction code ${code}`);
    return node;
  }

  /** The streets/towns (街镇) of the district, in document order. */
  streets(): JurisdictionNode[] {
    return this.childrenOf(this.district.code);
  }

  /** The communities (村社) of a street; empty when the code is not a street. */
  communities(streetCode: string): JurisdictionNode[] {
    return this.get(streetCode)?.level === 'street' ? this.childrenOf(streetCode) : [];
  }

  /** The grids (网格) of a community; empty when the code is not a community. */
  grids(communityCode: string): JurisdictionNode[] {
    return this.get(communityCode)?.level === 'community' ? this.childrenOf(communityCode) : [];
  }

  /** The direct children of any node. */
  childrenOf(code: string): JurisdictionNode[] {
    return [...(this.children.get(code) ?? [])];
  }

  /** The node and its ancestors, district first; empty when the code is unknown. */
  path(code: string): JurisdictionNode[] {
    const out: JurisdictionNode[] = [];
    for (let node = this.get(code); node; node = node.parentCode ? this.get(node.parentCode) : undefined) {
      out.unshift(node);
    }
    return out;
  }

  /** The case's jurisdiction for a node: its own ref and its ancestors', null below it. */
  jurisdictionOf(code: string): Jurisdiction {
    const result: Jurisdiction = { district: null, street: null, community: null, grid: null };
    for (const node of this.path(code)) result[node.level] = { code: node.code, name: node.name };
    return result;
  }

  /** The street's aliases and places as the document gives them. */
  streetDetails(code: string): StreetData | undefined {
    return this.streetData.get(code);
  }

  /** The community's aliases, places and grids as the document gives them. */
  communityDetails(code: string): CommunityData | undefined {
    return this.communityData.get(code);
  }

  private add(node: JurisdictionNode, boundary: Boundary | undefined): JurisdictionNode {
    this.nodes.set(node.code, node);
    if (boundary) this.boundaries.set(node.code, boundary);
    if (node.parentCode) {
      const siblings = this.children.get(node.parentCode) ?? [];
      siblings.push(node);
      this.children.set(node.parentCode, siblings);
    }
    return node;
  }
}

/** Validates `data` (throws JurisdictionDataError naming `source` and the bad paths) and builds the tree. */
export function loadJurisdictionTree(data: unknown, source = 'jurisdiction data'): JurisdictionTree {
  return new JurisdictionTree(parseJurisdictionDocument(data, source));
}

/** A UnitRef (code and name only) for a node. */
export function unitRef(node: UnitRef): UnitRef {
  return { code: node.code, name: node.name };
}
