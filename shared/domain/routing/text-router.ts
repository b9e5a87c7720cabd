// The first router: decides the street (街镇) and then the community (村社) and grid (网格) from the words of
// a case's address and content, matched against the names, aliases and places of the jurisdiction tree.
// Each decision carries a confidence in 0..1 and a reason in Chinese that names what matched.
import type { UnitRef } from '../case.js';
import type { JurisdictionTree } from '../jurisdiction/tree.js';
import { normaliseText } from './normalise.js';
import type { CommunityDecision, Router, RoutingInput, StreetDecision } from './router.js';
import { TermIndex, termEntries, type TermEntry, type TermHit, type TermKind } from './term-index.js';

// ---- Confidence -------------------------------------------------------------------------------------
// A decision's confidence starts from the strongest piece of evidence for the chosen unit:
//
//   street hop          address   content (× CONTENT_FACTOR)
//   official name        0.95      0.76     大沙街道
//   street alias         0.85      0.68     大沙
//   community name       0.80      0.64     横沙社区 (a community implies its street)
//   community alias      0.75      0.60     横沙
//   place (street's or   0.70      0.56     丰乐北路, 大沙地
//   a community's)
//
//   community hop       address   content
//   community name       0.90      0.72
//   community alias      0.80      0.64
//   community place      0.75      0.60
//
// then loses CONFLICT_PENALTY when other units were also named but more weakly, or TIEBREAK_PENALTY
// when the chosen unit only won by having more distinct terms. An exact tie (same strength, same number
// of terms) is no decision: the unit is null and the case goes to triage (confidence TIE_CONFIDENCE).
// Nothing found: null with NONE_CONFIDENCE.
//
// Thresholds for callers: at or above AUTO_DISPATCH_CONFIDENCE (0.6) a decision is good enough to
// dispatch without a person looking: anything in the address, and any single uncontested name, alias or
// place in the content (callers and phone agents usually put the place in the description itself). Below
// it — a contested decision, or a tie-break — the dispatchers send the case to triage.

export const AUTO_DISPATCH_CONFIDENCE = 0.6;

export const STREET_EVIDENCE: Readonly<Record<TermKind, number>> = {
  'street-name': 0.95,
  'street-alias': 0.85,
  'community-name': 0.8,
  'community-alias': 0.75,
  'street-place': 0.7,
  'community-place': 0.7,
};

export const COMMUNITY_EVIDENCE: Readonly<Partial<Record<TermKind, number>>> = {
  'community-name': 0.9,
  'community-alias': 0.8,
  'community-place': 0.75,
};

/** evidence found only in the content (not the address) counts for less; 0.9 keeps one uncontested
 * place in the content (0.7 × 0.9 = 0.63) above AUTO_DISPATCH_CONFIDENCE and a contested one below it */
export const CONTENT_FACTOR = 0.9;
export const CONFLICT_PENALTY = 0.1;
export const TIEBREAK_PENALTY = 0.15;
export const TIE_CONFIDENCE = 0.2;
export const OUTSIDE_DISTRICT_CONFIDENCE = 0.1;
export const NONE_CONFIDENCE = 0;

// ---- Evidence ---------------------------------------------------------------------------------------

type Source = 'address' | 'content';
const SOURCE_NAME: Record<Source, string> = { address: '地址', content: '内容' };

interface Evidence {
  entry: TermEntry;
  source: Source;
  score: number;
}

interface Candidate {
  code: string;
  best: Evidence;
  evidence: Evidence[];
  /** distinct terms naming this unit */
  terms: Set<string>;
}

type Outcome =
  | { kind: 'none' }
  | { kind: 'tie'; tied: Candidate[] }
  | { kind: 'decided'; winner: Candidate; confidence: number; others: Candidate[]; byCount: boolean };

function round(n: number): number {
  return Math.max(0, Math.min(1, Math.round(n * 100) / 100));
}

function collect(
  hits: readonly TermHit[],
  source: Source,
  keyOf: (e: TermEntry) => string | undefined,
  weights: Readonly<Partial<Record<TermKind, number>>>,
): Candidate[] {
  const byCode = new Map<string, Candidate>();
  for (const hit of hits) {
    for (const entry of hit.entries) {
      const code = keyOf(entry);
      const weight = weights[entry.kind];
      if (code === undefined || weight === undefined) continue;
      const ev: Evidence = { entry, source, score: weight * (source === 'content' ? CONTENT_FACTOR : 1) };
      const c = byCode.get(code);
      if (!c) byCode.set(code, { code, best: ev, evidence: [ev], terms: new Set([entry.term]) });
      else {
        c.evidence.push(ev);
        c.terms.add(entry.term);
        if (ev.score > c.best.score) c.best = ev;
      }
    }
  }
  return [...byCode.values()].sort((a, b) => b.best.score - a.best.score || b.terms.size - a.terms.size);
}

function decide(candidates: Candidate[]): Outcome {
  const [top, second] = candidates;
  if (!top) return { kind: 'none' };
  const others = candidates.slice(1);
  if (!second) return { kind: 'decided', winner: top, confidence: round(top.best.score), others, byCount: false };
  if (top.best.score > second.best.score) {
    return { kind: 'decided', winner: top, confidence: round(top.best.score - CONFLICT_PENALTY), others, byCount: false };
  }
  if (top.terms.size > second.terms.size) {
    return { kind: 'decided', winner: top, confidence: round(top.best.score - TIEBREAK_PENALTY), others, byCount: true };
  }
  const tied = candidates.filter((c) => c.best.score === top.best.score && c.terms.size === top.terms.size);
  return { kind: 'tie', tied };
}

function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function label(unit: UnitRef): string {
  return `${unit.name}(${unit.code})`;
}

// ---- The router -------------------------------------------------------------------------------------

export interface TextRouterOptions {
  /** former names of the district to drop from texts as well (e.g. 萝岗区, merged into 黄埔区 in 2014) */
  legacyDistrictNames?: readonly string[];
}

export class TextRouter implements Router {
  private readonly index: TermIndex;
  private readonly district: UnitRef;
  private readonly otherDistricts: readonly UnitRef[];
  private readonly districtNames: readonly string[];
  private readonly districtShortName: string | undefined;

  constructor(
    private readonly tree: JurisdictionTree,
    options: TextRouterOptions = {},
  ) {
    this.index = new TermIndex(termEntries(tree));
    this.district = { code: tree.district.code, name: tree.district.name };
    this.otherDistricts = tree.document.otherDistricts;
    this.districtNames = [tree.district.name, ...(options.legacyDistrictNames ?? [])];
    // 黄埔区 → 黄埔; 新龙镇-style names have no 区 to drop
    this.districtShortName = tree.district.name.endsWith('区') ? tree.district.name.slice(0, -1) : undefined;
  }

  /** The text as the router matches it (see normaliseText). */
  normalise(text: string): string {
    return normaliseText(text, {
      districtNames: this.districtNames,
      ...(this.districtShortName ? { districtShortName: this.districtShortName } : {}),
      startsWithStreet: (rest) => this.index.startsWithTerm(rest, ['street-name', 'street-alias']),
    });
  }

  pickStreet(input: RoutingInput): StreetDecision {
    const address = this.normalise(input.address ?? '');
    const content = this.normalise(input.content);
    const excluded = new Set(input.excludeUnits ?? []);
    const notes = this.locationNote(input);
    const allowed = (hits: TermHit[]) => this.filterHits(hits, (e) => !excluded.has(e.streetCode));
    const addressHits = this.index.scan(address);
    const contentHits = this.index.scan(content);
    const keyOf = (e: TermEntry) => e.streetCode;

    // Excluded streets (they returned the case) that the text names: say they were passed over.
    const passedOver = this.streetsNamed([...addressHits, ...contentHits]).filter((code) => excluded.has(code));
    if (passedOver.length) notes.push(`已排除退单单位 ${passedOver.map((c) => label(this.tree.require(c))).join('、')}`);

    const withNotes = (reason: string) => [reason, ...notes].join('；');
    const streetRef = (code: string): UnitRef => {
      const node = this.tree.require(code);
      return { code: node.code, name: node.name };
    };

    // An address in another district of the city, with no street of ours named by its official name.
    const other = this.otherDistricts.find((d) => address.includes(d.name));
    if (other && !addressHits.some((h) => h.entries.some((e) => e.kind === 'street-name'))) {
      return {
        street: null,
        confidence: OUTSIDE_DISTRICT_CONFIDENCE,
        reason: withNotes(`地址含“${other.name}”，不在${label(this.district)}辖内，未判断街镇`),
      };
    }

    const byAddress = decide(collect(allowed(addressHits), 'address', keyOf, STREET_EVIDENCE));
    if (byAddress.kind === 'decided') {
      return { street: streetRef(byAddress.winner.code), confidence: byAddress.confidence, reason: withNotes(this.decidedReason(byAddress)) };
    }

    if (byAddress.kind === 'tie') {
      // The content may name one of the tied streets.
      const tiedCodes = new Set(byAddress.tied.map((c) => c.code));
      const byContent = decide(collect(this.filterHits(allowed(contentHits), (e) => tiedCodes.has(e.streetCode)), 'content', keyOf, STREET_EVIDENCE));
      const tieText = this.tieReason(byAddress.tied, 'street');
      if (byContent.kind === 'decided') {
        const confidence = round(Math.min(byAddress.tied[0]?.best.score ?? 0, byContent.winner.best.score) - TIEBREAK_PENALTY);
        return {
          street: streetRef(byContent.winner.code),
          confidence,
          reason: withNotes(`${tieText}；${this.evidenceReason(byContent.winner)}`),
        };
      }
      return { street: null, confidence: TIE_CONFIDENCE, reason: withNotes(`${tieText}，无法判断街镇`) };
    }

    const byContent = decide(collect(allowed(contentHits), 'content', keyOf, STREET_EVIDENCE));
    if (byContent.kind === 'decided') {
      const lead = address ? `地址“${truncate(address)}”未含已知地名；` : '未提供地址；';
      return { street: streetRef(byContent.winner.code), confidence: byContent.confidence, reason: withNotes(lead + this.decidedReason(byContent)) };
    }
    if (byContent.kind === 'tie') {
      return { street: null, confidence: TIE_CONFIDENCE, reason: withNotes(`${this.tieReason(byContent.tied, 'street')}，无法判断街镇`) };
    }
    const seen = address ? `地址“${truncate(address)}”和内容中均未找到` : '未提供地址，内容中也未找到';
    const found = passedOver.length ? '已退单单位以外' : '已知';
    return {
      street: null,
      confidence: NONE_CONFIDENCE,
      reason: withNotes(`未能从地址判断街镇：${seen}${found}的街镇名、简称、村社名或地名`),
    };
  }

  pickCommunityAndGrid(streetCode: string, input: RoutingInput): CommunityDecision {
    const street = this.tree.get(streetCode);
    if (!street || street.level !== 'street') {
      return { community: null, grid: null, confidence: NONE_CONFIDENCE, reason: `未知的街镇代码 ${streetCode}，无法判断村社` };
    }
    const address = this.normalise(input.address ?? '');
    const content = this.normalise(input.content);
    const excluded = new Set(input.excludeUnits ?? []);
    const notes = this.locationNote(input);
    const withNotes = (reason: string) => [reason, ...notes].join('；');

    const gridFor = (communityCode: string): UnitRef | undefined => {
      const grid = this.tree.grids(communityCode).find((g) => !excluded.has(g.code));
      return grid ? { code: grid.code, name: grid.name } : undefined;
    };
    const inStreet = (e: TermEntry) => e.streetCode === streetCode && e.communityCode !== undefined;
    const allowed = (e: TermEntry) => inStreet(e) && !excluded.has(e.communityCode as string) && gridFor(e.communityCode as string) !== undefined;
    const keyOf = (e: TermEntry) => e.communityCode;
    const addressHits = this.index.scan(address);
    const contentHits = this.index.scan(content);

    const passedOver = new Set<string>();
    for (const hit of [...addressHits, ...contentHits]) {
      for (const e of hit.entries) if (inStreet(e) && !allowed(e)) passedOver.add(e.communityCode as string);
    }
    if (passedOver.size) {
      notes.push(`已排除退单单位 ${[...passedOver].map((c) => label(this.tree.require(c))).join('、')}（或其网格）`);
    }

    const decided = (winner: Candidate, confidence: number, reason: string): CommunityDecision => {
      const node = this.tree.require(winner.code);
      const grid = gridFor(winner.code) as UnitRef;
      const gridCount = this.tree.grids(winner.code).length;
      const gridReason = gridCount === 1 ? `网格取该社区唯一网格 ${label(grid)}` : `网格取该社区第一个可用网格 ${label(grid)}（共 ${gridCount} 个）`;
      return { community: { code: node.code, name: node.name }, grid, confidence, reason: withNotes(`${reason}；${gridReason}`) };
    };

    const byAddress = decide(collect(this.filterHits(addressHits, allowed), 'address', keyOf, COMMUNITY_EVIDENCE));
    if (byAddress.kind === 'decided') return decided(byAddress.winner, byAddress.confidence, this.decidedReason(byAddress));

    const contentHitsInStreet = this.filterHits(contentHits, allowed);
    if (byAddress.kind === 'tie') {
      const tiedCodes = new Set(byAddress.tied.map((c) => c.code));
      const byContent = decide(collect(this.filterHits(contentHitsInStreet, (e) => tiedCodes.has(e.communityCode as string)), 'content', keyOf, COMMUNITY_EVIDENCE));
      const tieText = this.tieReason(byAddress.tied, 'community');
      if (byContent.kind === 'decided') {
        const confidence = round(Math.min(byAddress.tied[0]?.best.score ?? 0, byContent.winner.best.score) - TIEBREAK_PENALTY);
        return decided(byContent.winner, confidence, `${tieText}；${this.evidenceReason(byContent.winner)}`);
      }
      return { community: null, grid: null, confidence: TIE_CONFIDENCE, reason: withNotes(`${tieText}，无法判断村社，交${label(street)}人工分拨`) };
    }

    const byContent = decide(collect(contentHitsInStreet, 'content', keyOf, COMMUNITY_EVIDENCE));
    if (byContent.kind === 'decided') return decided(byContent.winner, byContent.confidence, this.decidedReason(byContent));
    if (byContent.kind === 'tie') {
      return { community: null, grid: null, confidence: TIE_CONFIDENCE, reason: withNotes(`${this.tieReason(byContent.tied, 'community')}，无法判断村社，交${label(street)}人工分拨`) };
    }
    const seen = address ? `地址“${truncate(address)}”和内容中均未找到` : '未提供地址，内容中也未找到';
    const found = passedOver.size ? '本街镇其他' : '本街镇';
    return {
      community: null,
      grid: null,
      confidence: NONE_CONFIDENCE,
      reason: withNotes(`未能在${label(street)}内判断村社：${seen}${found}的村社名、简称或地名，交街镇人工分拨`),
    };
  }

  // ---- helpers ----

  private filterHits(hits: readonly TermHit[], keep: (e: TermEntry) => boolean): TermHit[] {
    const out: TermHit[] = [];
    for (const hit of hits) {
      const entries = hit.entries.filter(keep);
      if (entries.length) out.push({ ...hit, entries });
    }
    return out;
  }

  private streetsNamed(hits: readonly TermHit[]): string[] {
    return [...new Set(hits.flatMap((h) => h.entries.map((e) => e.streetCode)))];
  }

  private locationNote(input: RoutingInput): string[] {
    if (!input.location || this.tree.hasBoundaries) return [];
    return [`已提供坐标(${input.location.lat},${input.location.lng})，但辖区数据尚无边界(多边形)，按文字判断`];
  }

  /** 地址含“丰乐北路”（大沙东社区的地名） */
  private evidenceText(ev: Evidence): string {
    const { entry } = ev;
    const street = this.tree.require(entry.streetCode).name;
    const community = entry.communityCode ? this.tree.require(entry.communityCode).name : '';
    const what: Record<TermKind, string> = {
      'street-name': '',
      'street-alias': `（${street}的简称）`,
      'street-place': `（${street}的地名）`,
      'community-name': `（${street}的村社）`,
      'community-alias': `（${community}的简称）`,
      'community-place': `（${community}的地名）`,
    };
    return `${SOURCE_NAME[ev.source]}含“${entry.term}”${what[entry.kind]}`;
  }

  /** 地址含“大沙街道” → 大沙街道(440112005)，另含“丰乐北路” */
  private evidenceReason(c: Candidate): string {
    const unit = this.tree.require(c.code);
    const more = [...c.terms].filter((t) => t !== c.best.entry.term);
    const also = more.length ? `，另含${more.slice(0, 3).map((t) => `“${t}”`).join('、')}` : '';
    return `${this.evidenceText(c.best)} → ${label(unit)}${also}`;
  }

  private decidedReason(outcome: Extract<Outcome, { kind: 'decided' }>): string {
    let reason = this.evidenceReason(outcome.winner);
    if (outcome.others.length) {
      const others = outcome.others
        .slice(0, 3)
        .map((o) => `“${o.best.entry.term}”指向${label(this.tree.require(o.code))}`)
        .join('、');
      reason += outcome.byCount ? `；另有${others}，按指向地名较多者判断，置信度下调` : `；另有${others}（证据较弱），置信度下调`;
    }
    return reason;
  }

  private tieReason(tied: readonly Candidate[], level: 'street' | 'community'): string {
    const parts = tied.map((c) => `${this.evidenceText(c.best)} → ${label(this.tree.require(c.code))}`);
    return `${parts.join('；')}：${tied.length} 个${level === 'street' ? '街镇' : '村社'}证据相当`;
  }
}

/** A text router over the given jurisdiction tree; the name index is built once, here. */
export function createTextRouter(tree: JurisdictionTree, options: TextRouterOptions = {}): TextRouter {
  return new TextRouter(tree, options);
}
