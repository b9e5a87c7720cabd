// Repeated requests (重复诉求) and hot spots (高频诉求, 未诉先办), decided from a case and the recent cases of
// the same category in the same place.
//
// A recent case is proposed as the duplicate of a new one when all of these hold:
//   same category; same place (the community, or a department for cases that went straight to one) or, when
//   both have coordinates, within NEARBY_METRES; taken in within DUPLICATE_WINDOW_DAYS; and texts alike:
//   the Jaccard index of their character bigrams (after full-width → half-width, traditional → simplified,
//   phone and ID numbers blanked, punctuation and spaces dropped) is at least MIN_SIMILARITY.
// A hot spot is HOTSPOT_THRESHOLD or more cases of one category in one community within HOTSPOT_WINDOW_DAYS,
// whether or not they are duplicates: a pattern a supervisor should act on before more calls come.
import type { GeoPoint } from '../case.js';
import { toWgs84 } from '../routing/coordinates.js';
import { normaliseChineseText } from '../text/normalise-text.js';
import type { DuplicateCandidate } from './case-work.js';

export const DUPLICATE_WINDOW_DAYS = 7;
export const NEARBY_METRES = 300;
export const MIN_SIMILARITY = 0.25;
export const MAX_CANDIDATES = 3;
export const HOTSPOT_WINDOW_DAYS = 7;
export const HOTSPOT_THRESHOLD = 5;
/** text kept per recent case for matching */
export const MATCH_TEXT_LENGTH = 300;

const DAY_MS = 86_400_000;

/** What the matching keeps of a case. */
export interface RecentCase {
  caseId: string;
  category: string;
  /** community code, or `dept:<code>` for a case that went straight to a department */
  place: string;
  createdAt: string;
  /** matchingText() of the content */
  text: string;
  location?: GeoPoint;
}

/** The text as the matching compares it (`redact` blanks phone and ID numbers; passed in to keep this pure). */
export function matchingText(text: string, redact: (t: string) => string): string {
  return normaliseChineseText(redact(text))
    .toLowerCase()
    .replace(/\[(电话|身份证号)\]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '')
    .slice(0, MATCH_TEXT_LENGTH);
}

export function bigrams(text: string): Set<string> {
  const chars = [...text];
  const out = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  if (chars.length === 1) out.add(chars[0]!);
  return out;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const x of a) if (b.has(x)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Great-circle distance in metres between two points (each read in its own datum, compared in WGS84). */
export function distanceMetres(a: GeoPoint, b: GeoPoint): number {
  const [lng1, lat1] = toWgs84(a);
  const [lng2, lat2] = toWgs84(b);
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLng = (lng2 - lng1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The recent cases the new one may repeat, most alike first, at most MAX_CANDIDATES. */
export function duplicateCandidates(fresh: RecentCase, recent: readonly RecentCase[]): DuplicateCandidate[] {
  const since = Date.parse(fresh.createdAt) - DUPLICATE_WINDOW_DAYS * DAY_MS;
  const mine = bigrams(fresh.text);
  const found: DuplicateCandidate[] = [];
  for (const other of recent) {
    if (other.caseId === fresh.caseId || other.category !== fresh.category) continue;
    if (Date.parse(other.createdAt) < since || other.createdAt > fresh.createdAt) continue;
    const metres = fresh.location && other.location ? distanceMetres(fresh.location, other.location) : undefined;
    const samePlace = other.place === fresh.place;
    if (!samePlace && (metres === undefined || metres > NEARBY_METRES)) continue;
    const score = jaccard(mine, bigrams(other.text));
    if (score < MIN_SIMILARITY) continue;
    const where = metres !== undefined && metres <= NEARBY_METRES ? `相距约${Math.round(metres)}米` : '同一村社';
    found.push({ caseId: other.caseId, score: Math.round(score * 100) / 100, reason: `同一分类、${where}、文字相似度${Math.round(score * 100)}%` });
  }
  return found.sort((x, y) => y.score - x.score || (x.caseId < y.caseId ? 1 : -1)).slice(0, MAX_CANDIDATES);
}

/** The cases of a hot-spot window: those taken in within HOTSPOT_WINDOW_DAYS up to `at`. */
export function inHotspotWindow(recent: readonly RecentCase[], at: string): RecentCase[] {
  const since = Date.parse(at) - HOTSPOT_WINDOW_DAYS * DAY_MS;
  return recent.filter((r) => Date.parse(r.createdAt) >= since && r.createdAt <= at);
}
