// The labelled routing set (test/routing-set/*.psv): parsing and scoring, shared by `npm run routing:eval`
// and the test that keeps the set well-formed. A line is
//   id | expect | address | content | location | tags
// where expect is one of
//   <street code>                  the street (the community is not labelled)
//   <street code>/<community code> the street and the community
//   triage[:<street code>]         a person must decide (the text is ambiguous or contradicts the point)
//   dept:<department code>         a department owns what the case is about
//   outside                        the address is in another district: no street of ours
//   none                           no place is named at all
// and location is empty or "lat,lng,system" (system gcj02 or wgs84).
import { readFileSync } from 'node:fs';
import type { GeoPoint } from '../../shared/domain/case.js';
import type { Router, RoutingInput } from '../../shared/domain/routing/router.js';

export type Expectation =
  | { kind: 'place'; street: string; community?: string }
  | { kind: 'triage'; street?: string }
  | { kind: 'department'; department: string }
  | { kind: 'outside' }
  | { kind: 'none' };

export interface LabelledRequest {
  id: string;
  line: number;
  expect: Expectation;
  input: RoutingInput;
  tags: string[];
}

export function parseExpectation(text: string, where: string): Expectation {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{9})(?:\/(\d{12}))?$/.exec(text))) return { kind: 'place', street: m[1]!, ...(m[2] ? { community: m[2] } : {}) };
  if ((m = /^triage(?::(\d{9}))?$/.exec(text))) return { kind: 'triage', ...(m[1] ? { street: m[1] } : {}) };
  if ((m = /^dept:([a-z-]+)$/.exec(text))) return { kind: 'department', department: m[1]! };
  if (text === 'outside') return { kind: 'outside' };
  if (text === 'none') return { kind: 'none' };
  throw new Error(`${where}: bad expectation "${text}"`);
}

function parseLocation(text: string, where: string): GeoPoint | undefined {
  if (!text) return undefined;
  const m = /^(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?),(gcj02|wgs84)$/.exec(text);
  if (!m) throw new Error(`${where}: bad location "${text}" (lat,lng,gcj02|wgs84)`);
  return { lat: Number(m[1]), lng: Number(m[2]), system: m[3] as 'gcj02' | 'wgs84' };
}

export function parseRoutingSet(text: string, file: string): LabelledRequest[] {
  const out: LabelledRequest[] = [];
  text.split('\n').forEach((raw, n) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const where = `${file}:${n + 1}`;
    const fields = line.split('|');
    if (fields.length !== 6) throw new Error(`${where}: ${fields.length} fields, expected 6`);
    const [id, expect, address, content, location, tags] = fields.map((f) => f.trim()) as [string, string, string, string, string, string];
    if (!content) throw new Error(`${where}: empty content`);
    const point = parseLocation(location, where);
    out.push({
      id,
      line: n + 1,
      expect: parseExpectation(expect, where),
      input: { content, ...(address ? { address } : {}), ...(point ? { location: point } : {}) },
      tags: tags ? tags.split(',').map((t) => t.trim()) : [],
    });
  });
  return out;
}

export function readRoutingSet(path: string): LabelledRequest[] {
  return parseRoutingSet(readFileSync(path, 'utf8'), path);
}

/** What the pipeline would do with a request: the two hops, with the router's own threshold. */
export interface Routed {
  kind: 'street' | 'department' | 'district-triage';
  street?: string;
  department?: string;
  streetConfidence: number;
  /** after the street hop (when the case reached a street) */
  community?: string;
  communityTriage?: boolean;
  reason: string;
}

export function route(router: Router, input: RoutingInput): Routed {
  const s = router.pickStreet(input);
  const floor = router.autoDispatchConfidence;
  if (s.department && s.confidence >= floor) return { kind: 'department', department: s.department.code, streetConfidence: s.confidence, reason: s.reason };
  if (!s.street || s.confidence < floor) return { kind: 'district-triage', streetConfidence: s.confidence, ...(s.street ? { street: s.street.code } : {}), reason: s.reason };
  const c = router.pickCommunityAndGrid(s.street.code, input);
  const decided = c.community && c.grid && c.confidence >= floor;
  return {
    kind: 'street',
    street: s.street.code,
    streetConfidence: s.confidence,
    ...(decided ? { community: c.community!.code } : { communityTriage: true }),
    reason: `${s.reason} ‖ ${c.reason}`,
  };
}

export const HIGH_CONFIDENCE = 0.8;

export interface Scores {
  total: number;
  /** requests naming a place in Huangpu (expect: a street) */
  place: number;
  streetCorrect: number;
  /** routed automatically to another street than the label's */
  wrongStreet: number;
  wrongStreetHighConfidence: number;
  placeTriaged: number;
  communityLabelled: number;
  communityCorrect: number;
  communityTriaged: number;
  communityWrong: number;
  /** triage / department / outside / none rows handled as labelled */
  otherTotal: number;
  otherCorrect: number;
  /** every request that ended with a person (district or street triage) */
  triaged: number;
  failures: { request: LabelledRequest; routed: Routed; why: string }[];
}

export function score(router: Router, requests: readonly LabelledRequest[]): Scores {
  const s: Scores = { total: 0, place: 0, streetCorrect: 0, wrongStreet: 0, wrongStreetHighConfidence: 0, placeTriaged: 0, communityLabelled: 0, communityCorrect: 0, communityTriaged: 0, communityWrong: 0, otherTotal: 0, otherCorrect: 0, triaged: 0, failures: [] };
  for (const request of requests) {
    const routed = route(router, request.input);
    const e = request.expect;
    s.total++;
    if (routed.kind === 'district-triage' || routed.communityTriage) s.triaged++;
    const fail = (why: string) => s.failures.push({ request, routed, why });
    if (e.kind === 'place') {
      s.place++;
      if (routed.kind === 'street' && routed.street === e.street) s.streetCorrect++;
      else if (routed.kind === 'street') {
        s.wrongStreet++;
        if (routed.streetConfidence >= HIGH_CONFIDENCE) s.wrongStreetHighConfidence++;
        fail(`wrong street ${routed.street} (confidence ${routed.streetConfidence})`);
      } else if (routed.kind === 'district-triage') {
        s.placeTriaged++;
        fail('district triage');
      } else fail(`sent to department ${routed.department}`);
      if (e.community) {
        s.communityLabelled++;
        if (routed.kind === 'street' && routed.street === e.street) {
          if (routed.community === e.community) s.communityCorrect++;
          else if (routed.communityTriage) {
            s.communityTriaged++;
            fail('street triage (community)');
          } else {
            s.communityWrong++;
            fail(`wrong community ${routed.community}`);
          }
        }
      }
      continue;
    }
    s.otherTotal++;
    // a department's case goes to that department; anything else unlabelled by a street goes to a person
    const ok = e.kind === 'department' ? routed.kind === 'department' && routed.department === e.department : routed.kind === 'district-triage';
    if (ok) s.otherCorrect++;
    else fail(`expected ${e.kind}${e.kind === 'department' ? ` ${e.department}` : ''}`);
  }
  return s;
}
