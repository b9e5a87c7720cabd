// The router: decides the street (街镇) and then the community (村社) and grid (网格) of a case from its
// address and content (names, aliases, places, house numbers — evidence.ts) and its coordinates (the
// boundaries — location.ts), sends a case about something a department owns to that department
// (owned-assets.ts), and explains every decision: a confidence in 0..1, a reason in Chinese naming what
// matched, and flags. Below `autoDispatchConfidence` the dispatchers send the case to a person (triage).
//
// Text and coordinates together:
//   both name the same unit           → the text's confidence, raised by the point's
//   they differ, the text's unit lies within `boundaryMetres` of the point → the text's unit (a boundary)
//   they differ otherwise             → flagged 'text-location-mismatch', confidence MISMATCH_CONFIDENCE
//   only the point                    → its unit, LOCATION_CONFIDENCE (NEAR_BOUNDARY_CONFIDENCE near an edge)
//   a tie in the text                 → the point picks among the tied units
import type { UnitRef } from '../case.js';
import { findDepartment } from '../departments.js';
import { BoundaryIndex } from '../jurisdiction/boundary-index.js';
import type { JurisdictionNode, JurisdictionTree } from '../jurisdiction/tree.js';
import {
  candidatesOf,
  decide,
  evidenceOf,
  NONE_CONFIDENCE,
  round,
  TIE_CONFIDENCE,
  type Candidate,
  type Evidence,
  type Hop,
  type Outcome,
} from './evidence.js';
import { describeRanges } from './house-number.js';
import { findLocation, LOCATION_CONFIDENCE, MISMATCH_CONFIDENCE, NEAR_BOUNDARY_CONFIDENCE, type LocationFinding } from './location.js';
import { normaliseText } from './normalise.js';
import { findOwnedAsset } from './owned-assets.js';
import type { CommunityDecision, Router, RoutingCandidate, RoutingFlag, RoutingInput, StreetDecision } from './router.js';
import { TermIndex, termEntries, type TermEntry, type TermHit, type UnitTermEntry } from './term-index.js';

/** Default confidence floor for dispatching without a person (ROUTING_MIN_CONFIDENCE overrides it in the functions). */
export const AUTO_DISPATCH_CONFIDENCE = 0.6;
/** Default distance (metres) from a boundary within which both units are named (ROUTING_BOUNDARY_METRES). */
export const DEFAULT_BOUNDARY_METRES = 100;
export const OWNED_ASSET_CONFIDENCE = 0.8;
export const OUTSIDE_DISTRICT_CONFIDENCE = 0.1;
/** a tie in the address broken by the content: the weaker of the two, less this */
export const TIEBREAK_PENALTY = 0.15;

export interface RoutingEngineOptions {
  /** other names of the district to drop from texts (the former 萝岗区, the slip 黄浦区 …) */
  legacyDistrictNames?: readonly string[];
  autoDispatchConfidence?: number;
  boundaryMetres?: number;
}

const SOURCE_NAME = { address: '地址', content: '内容' } as const;
const PLACE_KIND_NAME: Record<string, string> = {
  road: '道路',
  compound: '小区',
  village: '村',
  landmark: '地标',
  'industrial-park': '园区',
  school: '学校',
  market: '市场',
  park: '公园',
  station: '车站',
  other: '地名',
};
const ASSET_KIND_NAME: Record<string, string> = {
  expressway: '快速路/高速公路',
  'city-road': '城市主干道',
  river: '河涌',
  'metro-line': '地铁线路',
  'metro-station': '地铁站',
  bridge: '桥梁',
};

type TextResult =
  | { kind: 'none' }
  | { kind: 'tie'; tied: Candidate[]; candidates: Candidate[] }
  | { kind: 'decided'; winner: Candidate; confidence: number; others: Candidate[]; tieText?: string };

interface Verdict {
  code: string | null;
  confidence: number;
  parts: string[];
  flags: Set<RoutingFlag>;
  candidates: RoutingCandidate[];
  /** the evidence behind a text decision (for the grid choice) */
  evidence: Evidence[];
}

function label(unit: UnitRef): string {
  return `${unit.name}(${unit.code})`;
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

export class RoutingEngine implements Router {
  readonly autoDispatchConfidence: number;
  readonly boundaryMetres: number;
  private readonly index: TermIndex;
  private readonly boundaries: BoundaryIndex | undefined;
  private readonly districtNames: readonly string[];
  private readonly districtShortName: string | undefined;

  constructor(
    readonly tree: JurisdictionTree,
    options: RoutingEngineOptions = {},
  ) {
    this.autoDispatchConfidence = options.autoDispatchConfidence ?? AUTO_DISPATCH_CONFIDENCE;
    this.boundaryMetres = options.boundaryMetres ?? DEFAULT_BOUNDARY_METRES;
    this.index = new TermIndex(termEntries(tree));
    this.boundaries = tree.hasBoundaries ? new BoundaryIndex(tree.nodesWithBoundaries()) : undefined;
    this.districtNames = [tree.district.name, ...(options.legacyDistrictNames ?? [])];
    // 黄埔区 → 黄埔; 新龙镇-style names have no 区 to drop
    this.districtShortName = tree.district.name.endsWith('区') ? tree.district.name.slice(0, -1) : undefined;
  }

  /** The text as the router matches it (see normaliseText). */
  normalise(text: string): string {
    return normaliseText(text, {
      districtNames: this.districtNames,
      ...(this.districtShortName ? { districtShortName: this.districtShortName } : {}),
      startsWithPlace: (rest) => this.index.startsWithTerm(rest, (e) => e.kind !== 'asset'),
    });
  }

  /** What both hops start from: the excluded units, and the address and the content normalised and looked up. */
  private read(input: RoutingInput) {
    const address = this.normalise(input.address ?? '');
    const content = this.normalise(input.content);
    return {
      excluded: new Set(input.excludeUnits ?? []),
      address,
      content,
      addressHits: this.index.scan(address),
      contentHits: this.index.scan(content),
    };
  }

  // ---- the district hop ------------------------------------------------------------------------------

  pickStreet(input: RoutingInput): StreetDecision {
    const { excluded, address, content, addressHits, contentHits } = this.read(input);
    const notes: string[] = [];
    const flags = new Set<RoutingFlag>();

    // 1. something a department owns wherever it is
    const asset = findOwnedAsset(
      [
        { text: address, hits: addressHits },
        { text: content, hits: contentHits },
      ],
      excluded,
    );
    if (asset) {
      const department = findDepartment(asset.asset.department);
      if (department) {
        const ref = { code: department.code, name: department.name };
        return {
          street: null,
          department: ref,
          confidence: OWNED_ASSET_CONFIDENCE,
          reason: `涉及“${asset.term}”（${ASSET_KIND_NAME[asset.asset.kind]}）本身的问题（“${asset.subject}”），属${label(ref)}管养，直派部门，不派网格`,
          flags: ['owned-asset'],
          candidates: [{ ...ref, score: OWNED_ASSET_CONFIDENCE }],
        };
      }
    }

    // 2. an address in another district of the city, with no street of ours named by its official name
    const other = this.tree.document.otherDistricts.find((d) => address.includes(d.name));
    if (other && !addressHits.some((h) => h.entries.some((e) => e.kind === 'name' && e.level === 'street'))) {
      return {
        street: null,
        confidence: OUTSIDE_DISTRICT_CONFIDENCE,
        reason: `地址含“${other.name}”，不在${label(this.tree.district)}辖内，未判断街镇`,
        flags: ['outside-district'],
        candidates: [],
      };
    }

    // 3. the text, then 4. the coordinates
    const allowed = (e: UnitTermEntry) => !excluded.has(e.streetCode);
    const passedOver = this.passedOver([...addressHits, ...contentHits], (e) => excluded.has(e.streetCode), (e) => e.streetCode);
    if (passedOver.length) {
      notes.push(`已排除退单单位 ${passedOver.map((c) => label(this.tree.require(c))).join('、')}`);
      flags.add('excluded-units');
    }
    const text = this.readText('street', { address, addressHits, content, contentHits }, allowed);
    const location = this.locate(input, notes, flags);
    const locUnit = location?.street && !excluded.has(location.street.code) ? location.street : undefined;
    if (location?.street && excluded.has(location.street.code)) notes.push(`坐标所在的${label(location.street)}已退单，不据坐标派回`);
    const verdict = this.combine('street', text, location, locUnit, location?.nearStreets ?? [], { address, notes, flags }, excluded);

    const street = verdict.code ? this.ref(verdict.code) : null;
    return { street, confidence: verdict.confidence, reason: verdict.parts.join('；'), flags: [...verdict.flags], candidates: verdict.candidates };
  }

  // ---- the street hop --------------------------------------------------------------------------------

  pickCommunityAndGrid(streetCode: string, input: RoutingInput): CommunityDecision {
    const street = this.tree.get(streetCode);
    if (!street || street.level !== 'street') {
      return { community: null, grid: null, confidence: NONE_CONFIDENCE, reason: `未知的街镇代码 ${streetCode}，无法判断村社`, flags: [], candidates: [] };
    }
    const { excluded, address, content, addressHits, contentHits } = this.read(input);
    const notes: string[] = [];
    const flags = new Set<RoutingFlag>();

    const inStreet = (e: UnitTermEntry) => e.streetCode === streetCode && e.communityCode !== undefined;
    const available = (communityCode: string) => !excluded.has(communityCode) && this.freeGrids(communityCode, excluded).length > 0;
    const allowed = (e: UnitTermEntry) => inStreet(e) && available(e.communityCode as string);
    const passedOver = this.passedOver([...addressHits, ...contentHits], (e) => inStreet(e) && !allowed(e), (e) => e.communityCode as string);
    if (passedOver.length) {
      notes.push(`已排除退单单位 ${passedOver.map((c) => label(this.tree.require(c))).join('、')}（或其网格）`);
      flags.add('excluded-units');
    }

    const text = this.readText('community', { address, addressHits, content, contentHits }, allowed);
    const location = this.locate(input, notes, flags);
    let locUnit: JurisdictionNode | undefined;
    if (location?.community) {
      if (location.street?.code !== streetCode) notes.push(`坐标位于${location.street ? label(location.street) : '本街镇以外'}，不在${label(street)}内，未据坐标判断村社`);
      else if (!available(location.community.code)) notes.push(`坐标所在的${label(location.community)}已退单，不据坐标派回`);
      else locUnit = location.community;
    }
    const nearInStreet = (location?.nearCommunities ?? []).filter((n) => n.node.parentCode === streetCode && available(n.node.code));
    const verdict = this.combine('community', text, location, locUnit, nearInStreet, { address, notes, flags }, excluded);

    if (!verdict.code) {
      verdict.parts.push(`交${label(street)}人工分拨`);
      return { community: null, grid: null, confidence: verdict.confidence, reason: verdict.parts.join('；'), flags: [...verdict.flags], candidates: verdict.candidates };
    }
    const community = this.ref(verdict.code);
    const grid = this.chooseGrid(verdict.code, verdict.evidence, location, excluded);
    verdict.parts.push(grid.reason);
    return {
      community,
      grid: grid.grid,
      confidence: verdict.confidence,
      reason: verdict.parts.join('；'),
      flags: [...verdict.flags],
      candidates: verdict.candidates,
    };
  }

  gridFor(communityCode: string, input: RoutingInput): UnitRef | null {
    const community = this.tree.get(communityCode);
    if (!community || community.level !== 'community') return null;
    const excluded = new Set(input.excludeUnits ?? []);
    const evidence = [input.address ?? '', input.content].flatMap((raw, n) => {
      const text = this.normalise(raw);
      return evidenceOf(text, this.index.scan(text), n === 0 ? 'address' : 'content', 'community');
    });
    const location = input.location && this.boundaries ? findLocation(this.boundaries, this.tree, input.location, this.boundaryMetres) : undefined;
    return this.chooseGrid(communityCode, evidence, location, excluded).grid;
  }

  // ---- text ------------------------------------------------------------------------------------------

  /**
   * The text's outcome for a hop: the address first; if it names nothing, the content; a tie in the address
   * may be broken by the content (with a lower confidence). Typo matches are tried only where exact names
   * found nothing.
   */
  private readText(
    hop: Hop,
    t: { address: string; addressHits: TermHit[]; content: string; contentHits: TermHit[] },
    allowed: (e: UnitTermEntry) => boolean,
  ): TextResult {
    const accept = (e: TermEntry) => e.kind !== 'asset' && allowed(e);
    const evidence = (text: string, hits: TermHit[], source: 'address' | 'content', only?: ReadonlySet<string>) => {
      const keep = (e: TermEntry) => accept(e) && (!only || only.has(hop === 'street' ? (e as UnitTermEntry).streetCode : ((e as UnitTermEntry).communityCode ?? '')));
      const exact = evidenceOf(text, filterHits(hits, keep), source, hop);
      if (exact.length || !text) return exact;
      return evidenceOf(text, this.index.scanFuzzy(text, hits, keep), source, hop);
    };

    const byAddress = decide(candidatesOf(evidence(t.address, t.addressHits, 'address'), hop));
    if (byAddress.kind === 'decided') return byAddress;
    if (byAddress.kind === 'tie') {
      const tiedCodes = new Set(byAddress.tied.map((c) => c.code));
      const byContent = decide(candidatesOf(evidence(t.content, t.contentHits, 'content', tiedCodes), hop));
      if (byContent.kind === 'decided') {
        const confidence = round(Math.min(byAddress.tied[0]!.score, byContent.winner.score) - TIEBREAK_PENALTY);
        const winner = byAddress.tied.find((c) => c.code === byContent.winner.code)!;
        const merged: Candidate = { ...winner, evidence: [...winner.evidence, ...byContent.winner.evidence] };
        return { kind: 'decided', winner: merged, confidence, others: byAddress.tied.filter((c) => c !== winner), tieText: this.tieReason(byAddress.tied, hop) };
      }
      return byAddress;
    }
    return narrow(decide(candidatesOf(evidence(t.content, t.contentHits, 'content'), hop)));
  }

  // ---- text and coordinates together -------------------------------------------------------------------

  private combine(
    hop: Hop,
    text: TextResult,
    location: LocationFinding | undefined,
    locUnit: JurisdictionNode | undefined,
    near: readonly { node: JurisdictionNode; distance: number }[],
    ctx: { address: string; notes: string[]; flags: Set<RoutingFlag> },
    excluded: ReadonlySet<string>,
  ): Verdict {
    const flags = ctx.flags;
    const levelName = hop === 'street' ? '街镇' : '村社';
    const lconf = near.length ? NEAR_BOUNDARY_CONFIDENCE : LOCATION_CONFIDENCE;
    const candidates = new Map<string, RoutingCandidate>();
    const addCandidate = (code: string, score: number) => {
      const prev = candidates.get(code);
      if (!prev || prev.score < score) candidates.set(code, { ...this.ref(code), score: round(score) });
    };
    const nearText = (except?: string) => {
      const list = near.filter((n) => n.node.code !== except);
      if (!list.length) return '';
      flags.add('near-boundary');
      for (const n of list) addCandidate(n.node.code, NEAR_BOUNDARY_CONFIDENCE - 0.1);
      return `坐标距${list.map((n) => `${label(n.node)}边界约${Math.round(n.distance)}米`).join('、')}（${this.boundaryMetres}米内，两者均列为候选）`;
    };
    const typo = (ev: readonly Evidence[]) => {
      if (ev.some((e) => e.hit.typed)) flags.add('typo-match');
    };
    const done = (code: string | null, confidence: number, parts: string[], evidence: Evidence[] = []): Verdict => ({
      code,
      confidence: round(confidence),
      parts: [...parts.filter(Boolean), ...ctx.notes],
      flags,
      candidates: [...candidates.values()].sort((a, b) => b.score - a.score),
      evidence,
    });

    if (text.kind !== 'none') {
      for (const c of text.kind === 'tie' ? text.candidates : [text.winner, ...text.others]) addCandidate(c.code, c.score);
    }
    if (locUnit) addCandidate(locUnit.code, lconf);

    if (text.kind === 'decided') {
      const { winner } = text;
      typo(winner.evidence);
      const parts = [text.tieText ?? '', this.decidedReason(text, hop)];
      if (!location || !locUnit) return done(winner.code, text.confidence, parts, winner.evidence);
      if (winner.code === locUnit.code) {
        parts.push(`坐标${location.described}也在${label(locUnit)}内`, nearText(winner.code));
        return done(winner.code, Math.min(0.99, 1 - (1 - text.confidence) * (1 - lconf)), parts, winner.evidence);
      }
      const close = near.find((n) => n.node.code === winner.code);
      if (close) {
        flags.add('near-boundary');
        parts.push(`坐标${location.described}在${label(locUnit)}内，距${label(close.node)}边界约${Math.round(close.distance)}米（边界附近），按文字判断`);
        return done(winner.code, text.confidence, parts, winner.evidence);
      }
      flags.add('text-location-mismatch');
      parts.push(`但坐标${location.described}位于${label(locUnit)}，与文字所指${levelName}不一致，转人工核实`);
      return done(winner.code, Math.min(text.confidence, MISMATCH_CONFIDENCE), parts, winner.evidence);
    }

    if (text.kind === 'tie') {
      const tieText = this.tieReason(text.tied, hop);
      flags.add('ambiguous');
      if (location && locUnit && text.tied.some((c) => c.code === locUnit.code)) {
        const winner = text.tied.find((c) => c.code === locUnit.code)!;
        typo(winner.evidence);
        return done(locUnit.code, lconf - 0.1, [tieText, `坐标${location.described}位于${label(locUnit)}，据此判断`, nearText(locUnit.code)], winner.evidence);
      }
      if (location && locUnit) {
        flags.add('text-location-mismatch');
        return done(null, TIE_CONFIDENCE, [`${tieText}，无法判断${levelName}`, `坐标${location.described}位于${label(locUnit)}，与文字所指均不一致`]);
      }
      return done(null, TIE_CONFIDENCE, [`${tieText}，无法判断${levelName}`]);
    }

    const seen = ctx.address ? `地址“${truncate(ctx.address)}”和内容中均未找到` : '未提供地址，内容中也未找到';
    const found = excluded.size ? '已退单单位以外' : '已知';
    const nothing = `文字未能判断${levelName}：${seen}${found}的${hop === 'street' ? '街镇名、简称、村社名或地名' : '村社名、简称或地名'}`;
    if (location && locUnit) {
      return done(locUnit.code, lconf, [`${nothing}；坐标${location.described}位于${label(locUnit)}边界内`, nearText(locUnit.code)]);
    }
    return done(null, NONE_CONFIDENCE, [nothing]);
  }

  private locate(input: RoutingInput, notes: string[], flags: Set<RoutingFlag>): LocationFinding | undefined {
    if (!input.location) return undefined;
    if (!this.boundaries) {
      notes.push(`已提供坐标(${input.location.lat},${input.location.lng})，但辖区数据尚无边界(多边形)，按文字判断`);
      return undefined;
    }
    const finding = findLocation(this.boundaries, this.tree, input.location, this.boundaryMetres);
    if (!finding.street) {
      flags.add('location-outside-boundaries');
      notes.push(`坐标${finding.described}不在${label(this.tree.district)}任何街镇边界内，未据坐标判断`);
    }
    return finding;
  }

  // ---- grids -----------------------------------------------------------------------------------------

  private freeGrids(communityCode: string, excluded: ReadonlySet<string>): JurisdictionNode[] {
    return this.tree.grids(communityCode).filter((g) => !excluded.has(g.code));
  }

  /** The grid: one the text names inside the community, else the one holding the point, else the first free one. */
  private chooseGrid(communityCode: string, evidence: readonly Evidence[], location: LocationFinding | undefined, excluded: ReadonlySet<string>): { grid: UnitRef | null; reason: string } {
    const free = this.freeGrids(communityCode, excluded);
    const named = evidence
      .filter((e) => e.entry.level === 'grid' && e.entry.communityCode === communityCode && !excluded.has(e.entry.unitCode))
      .sort((a, b) => b.score - a.score)[0];
    if (named) {
      const grid = this.ref(named.entry.unitCode);
      return { grid, reason: `${this.evidenceText(named)} → 网格 ${label(grid)}` };
    }
    if (location?.grid && location.grid.parentCode === communityCode && !excluded.has(location.grid.code)) {
      const grid = this.ref(location.grid.code);
      return { grid, reason: `坐标位于网格 ${label(grid)}` };
    }
    const first = free[0];
    if (!first) return { grid: null, reason: '该社区没有可用网格' };
    const grid = this.ref(first.code);
    const count = this.tree.grids(communityCode).length;
    return { grid, reason: count === 1 ? `网格取该社区唯一网格 ${label(grid)}` : `文字和坐标未指明网格，取该社区第一个可用网格 ${label(grid)}（共 ${count} 个，由社区再分派）` };
  }

  // ---- reasons ---------------------------------------------------------------------------------------

  private ref(code: string): UnitRef {
    const node = this.tree.require(code);
    return { code: node.code, name: node.name };
  }

  private passedOver(hits: readonly TermHit[], isExcluded: (e: UnitTermEntry) => boolean, keyOf: (e: UnitTermEntry) => string): string[] {
    const out = new Set<string>();
    for (const hit of hits) for (const e of hit.entries) if (e.kind !== 'asset' && isExcluded(e)) out.add(keyOf(e));
    return [...out];
  }

  /** 地址含“丰乐中路12号”（大沙东社区的道路，门牌在1-199单号内） */
  private evidenceText(ev: Evidence): string {
    const { entry, hit } = ev;
    const owner = this.tree.require(entry.unitCode).name;
    const shown = hit.typed ? `“${hit.typed}”（疑为“${entry.term}”的笔误）` : `“${entry.term}${ev.houseNumber !== undefined ? `${ev.houseNumber}号` : ''}”`;
    let what: string;
    if (entry.kind === 'name') what = entry.level === 'street' ? '' : `（${this.tree.require(entry.streetCode).name}的${entry.level === 'community' ? '村社' : '网格'}）`;
    else if (entry.kind === 'alias') what = `（${owner}的简称）`;
    else {
      const kind = PLACE_KIND_NAME[entry.place.kind] ?? '地名';
      const numbers = entry.place.numbers;
      const range = numbers
        ? ev.numberMatch === 'in-range'
          ? `，门牌在${describeRanges(numbers)}内`
          : ev.numberMatch === 'out-of-range'
            ? `，门牌不在已知范围内`
            : `，未给门牌（该段为${describeRanges(numbers)}）`
        : '';
      what = `（${owner}的${kind}${range}）`;
    }
    return `${SOURCE_NAME[ev.source]}含${shown}${what}`;
  }

  /** 地址含“大沙街道” → 大沙街道(440112005)，另含“丰乐北路” */
  private evidenceReason(c: Candidate, hop: Hop): string {
    const unit = this.tree.require(c.code);
    const more = [...new Set(c.evidence.map((e) => e.entry.term))].filter((t) => t !== c.best.entry.term);
    const also = more.length ? `，另含${more.slice(0, 3).map((t) => `“${t}”`).join('、')}` : '';
    const within = hop === 'street' && c.best.entry.communityCode ? `（${this.tree.require(c.best.entry.communityCode).name}）` : '';
    return `${this.evidenceText(c.best)} → ${label(unit)}${within}${also}`;
  }

  private decidedReason(outcome: Extract<TextResult, { kind: 'decided' }>, hop: Hop): string {
    let reason = this.evidenceReason(outcome.winner, hop);
    if (outcome.others.length && !outcome.tieText) {
      const others = outcome.others
        .slice(0, 3)
        .map((o) => `“${o.best.entry.term}”指向${label(this.tree.require(o.code))}`)
        .join('、');
      reason += `；另有${others}（证据较弱），置信度下调`;
    }
    return reason;
  }

  private tieReason(tied: readonly Candidate[], hop: Hop): string {
    const parts = tied.map((c) => `${this.evidenceText(c.best)} → ${label(this.tree.require(c.code))}`);
    return `${parts.join('；')}：${tied.length} 个${hop === 'street' ? '街镇' : '村社'}证据相当`;
  }
}

function filterHits(hits: readonly TermHit[], keep: (e: TermEntry) => boolean): TermHit[] {
  const out: TermHit[] = [];
  for (const hit of hits) {
    const entries = hit.entries.filter(keep);
    if (entries.length) out.push({ ...hit, entries });
  }
  return out;
}

function narrow(outcome: Outcome): TextResult {
  return outcome;
}

/** A router over the given jurisdiction tree; the name index and the boundary index are built once, here. */
export function createRoutingEngine(tree: JurisdictionTree, options: RoutingEngineOptions = {}): RoutingEngine {
  return new RoutingEngine(tree, options);
}
