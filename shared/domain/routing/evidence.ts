// From the names found in a text to weighed evidence for units, and from evidence to a decision.
//
// Each name found is evidence for the unit it lies in, weighed by how specific it is:
//
//   street hop                       address   content (× CONTENT_FACTOR)
//   street's official name            0.95      0.855   大沙街道
//   street alias                      0.85      0.765   大沙
//   road + house number in its range  0.85      0.765   丰乐中路12号 (12 is on the odd side, 1-199)
//   community/grid name               0.80      0.72    横沙社区 (a community implies its street)
//   compound, village, landmark …     0.80      0.72    荔园小区, 横沙村, 南海神庙
//   community/grid alias              0.75      0.675   横沙
//   a whole road (no ranges)          0.75      0.675   丰乐北路
//   a road split by ranges, no number 0.70      0.63    大沙东路 (which side? which part?)
//   any other place                   0.70      0.63
//
//   community hop: the same, except a community's own name weighs 0.90 and its alias 0.80, and only
//   names inside the street count.
//
// A name found only with one character typed wrong (风乐北路) weighs TYPO_FACTOR as much. Several names of
// one unit add up like independent witnesses (1 − Π(1 − w)). The best unit wins; its confidence drops by
// CONFLICT_PENALTY, and more as the runner-up comes closer, when other units were named too. Two units
// equally supported is no decision (a tie): the case goes to a person.
import type { PlaceKind } from '../jurisdiction/schema.js';
import { inRanges, leadingHouseNumber } from './house-number.js';
import type { TermHit, UnitTermEntry } from './term-index.js';

export type Hop = 'street' | 'community';
export type Source = 'address' | 'content';

export const CONTENT_FACTOR = 0.9;
export const TYPO_FACTOR = 0.85;
export const CONFLICT_PENALTY = 0.1;
export const MAX_CONFIDENCE = 0.99;
export const TIE_CONFIDENCE = 0.2;
export const NONE_CONFIDENCE = 0;

const NAME_WEIGHT: Record<Hop, Record<'street' | 'community' | 'grid', { name: number; alias: number }>> = {
  street: { street: { name: 0.95, alias: 0.85 }, community: { name: 0.8, alias: 0.75 }, grid: { name: 0.8, alias: 0.75 } },
  community: { street: { name: 0, alias: 0 }, community: { name: 0.9, alias: 0.8 }, grid: { name: 0.9, alias: 0.8 } },
};

const PLACE_WEIGHT: Record<PlaceKind, number> = {
  road: 0.75,
  compound: 0.8,
  village: 0.8,
  landmark: 0.8,
  'industrial-park': 0.8,
  school: 0.8,
  market: 0.8,
  park: 0.8,
  station: 0.8,
  other: 0.7,
};
export const ROAD_NUMBER_IN_RANGE = 0.85;
export const ROAD_RANGED_NO_NUMBER = 0.7;

/** How the house number after a road name bears on a road entry. */
export type NumberMatch = 'in-range' | 'whole-road' | 'no-number' | 'out-of-range';

export interface Evidence {
  entry: UnitTermEntry;
  source: Source;
  score: number;
  hit: TermHit;
  houseNumber?: number;
  numberMatch?: NumberMatch;
}

export interface Candidate {
  /** the street code (street hop) or community code (community hop) */
  code: string;
  score: number;
  best: Evidence;
  evidence: Evidence[];
}

export type Outcome =
  | { kind: 'none' }
  | { kind: 'tie'; tied: Candidate[]; candidates: Candidate[] }
  | { kind: 'decided'; winner: Candidate; confidence: number; others: Candidate[] };

export function round(n: number): number {
  return Math.max(0, Math.min(1, Math.round(n * 100) / 100));
}

/**
 * The evidence in one text's hits for the given hop. A road whose entries carry house-number ranges keeps
 * only the entries whose ranges hold the number that follows it (if one does).
 */
export function evidenceOf(text: string, hits: readonly TermHit[], source: Source, hop: Hop): Evidence[] {
  const out: Evidence[] = [];
  for (const hit of hits) {
    const units = hit.entries.filter((e): e is UnitTermEntry => e.kind !== 'asset');
    if (!units.length) continue;
    const roads = units.filter((e) => e.kind === 'place' && e.place.kind === 'road');
    const ranged = roads.some((e) => e.kind === 'place' && e.place.numbers);
    const houseNumber = roads.length ? leadingHouseNumber(text.slice(hit.end)) : undefined;
    const inRange = (e: UnitTermEntry) => e.kind === 'place' && e.place.numbers !== undefined && houseNumber !== undefined && inRanges(houseNumber, e.place.numbers);
    const anyInRange = ranged && units.some(inRange);
    for (const entry of units) {
      let weight: number;
      let numberMatch: NumberMatch | undefined;
      if (entry.kind === 'place') {
        if (entry.place.kind === 'road' && ranged) {
          if (anyInRange && !inRange(entry) && entry.place.numbers) continue; // the number is on another unit's part
          numberMatch = !entry.place.numbers ? 'whole-road' : houseNumber === undefined ? 'no-number' : inRange(entry) ? 'in-range' : 'out-of-range';
          weight = numberMatch === 'in-range' ? ROAD_NUMBER_IN_RANGE : numberMatch === 'whole-road' ? PLACE_WEIGHT.road : ROAD_RANGED_NO_NUMBER;
        } else {
          weight = PLACE_WEIGHT[entry.place.kind];
          if (entry.place.kind === 'road') numberMatch = 'whole-road';
        }
        if (hop === 'community' && entry.level === 'street') continue;
      } else {
        weight = NAME_WEIGHT[hop][entry.level][entry.kind];
        if (weight === 0) continue;
      }
      const score = weight * (source === 'content' ? CONTENT_FACTOR : 1) * (hit.typed ? TYPO_FACTOR : 1);
      out.push({ entry, source, score, hit, ...(houseNumber !== undefined && numberMatch ? { houseNumber } : {}), ...(numberMatch ? { numberMatch } : {}) });
    }
  }
  return out;
}

/** Evidence grouped by unit (street or community), each unit scored, best first. */
export function candidatesOf(evidence: readonly Evidence[], hop: Hop): Candidate[] {
  const byCode = new Map<string, Candidate>();
  for (const ev of evidence) {
    const code = hop === 'street' ? ev.entry.streetCode : ev.entry.communityCode;
    if (code === undefined) continue;
    const c = byCode.get(code);
    if (!c) byCode.set(code, { code, score: 0, best: ev, evidence: [ev] });
    else {
      c.evidence.push(ev);
      if (ev.score > c.best.score) c.best = ev;
    }
  }
  for (const c of byCode.values()) {
    // independent witnesses: the strongest evidence per distinct term, combined
    const perTerm = new Map<string, number>();
    for (const ev of c.evidence) perTerm.set(ev.hit.term, Math.max(perTerm.get(ev.hit.term) ?? 0, ev.score));
    c.score = Math.min(MAX_CONFIDENCE, 1 - [...perTerm.values()].reduce((p, s) => p * (1 - s), 1));
  }
  return [...byCode.values()].sort((a, b) => b.score - a.score || (a.code < b.code ? -1 : 1));
}

const EPSILON = 1e-9;

/** The best candidate and its confidence, a tie, or nothing. */
export function decide(candidates: readonly Candidate[]): Outcome {
  const [top, second] = candidates;
  if (!top) return { kind: 'none' };
  const others = candidates.slice(1);
  if (!second) return { kind: 'decided', winner: top, confidence: round(top.score), others };
  if (top.score - second.score > EPSILON) {
    const confidence = top.score - CONFLICT_PENALTY - 0.3 * Math.max(0, second.score - 0.5) - 0.5 * Math.max(0, 0.15 - (top.score - second.score));
    return { kind: 'decided', winner: top, confidence: round(confidence), others };
  }
  const tied = candidates.filter((c) => top.score - c.score <= EPSILON);
  return { kind: 'tie', tied, candidates: [...candidates] };
}
