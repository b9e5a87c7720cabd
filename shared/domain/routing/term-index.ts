// An index of the names the router knows — street, community and grid names and aliases, the places
// inside them (roads, compounds, villages, landmarks …) and the assets departments own — built once, and a
// left-to-right scan that finds them in a normalised text, longest match first, without regexes. Terms are
// folded like the text (confusable.ts); each entry keeps the name as the data writes it, for reasons.
// A second, looser scan finds a name of 4+ characters typed with one wrong character (a typo).
import type { JurisdictionTree } from '../jurisdiction/tree.js';
import type { AssetKind, OwnedAsset, Place } from '../jurisdiction/schema.js';
import { foldConfusables } from './confusable.js';

export type UnitLevelOfTerm = 'street' | 'community' | 'grid';

interface UnitTermBase {
  /** the name, alias or place name as the data writes it */
  term: string;
  /** the level of the unit that has the name or lists the place */
  level: UnitLevelOfTerm;
  /** that unit */
  unitCode: string;
  streetCode: string;
  communityCode?: string;
}

/** What a known term names: a unit by its name or alias, a place inside a unit, or an owned asset. */
export type TermEntry =
  | (UnitTermBase & { kind: 'name' })
  | (UnitTermBase & { kind: 'alias' })
  | (UnitTermBase & { kind: 'place'; place: Place })
  | { kind: 'asset'; term: string; asset: OwnedAsset & { kind: AssetKind } };

export type UnitTermEntry = Exclude<TermEntry, { kind: 'asset' }>;

export interface TermHit {
  /** the folded term as found */
  term: string;
  /** offset of the hit in the scanned text, and the offset just after it */
  at: number;
  end: number;
  /** every unit (or asset) this term names, after the scan's filter */
  entries: TermEntry[];
  /** for a typo match: what the text actually says there */
  typed?: string;
}

interface Bucket {
  term: string;
  entries: TermEntry[];
}

/** Names of this length or more are also found with one character typed wrong (not the last one). */
export const FUZZY_MIN_LENGTH = 4;

export class TermIndex {
  /** first character → the terms starting with it, longest first */
  private readonly byFirstChar = new Map<string, Bucket[]>();
  /** a term with one character (not its last) replaced by '?' → the terms it may be */
  private readonly fuzzy = new Map<string, Bucket[]>();
  private readonly fuzzyLengths: number[];
  /** length → the last characters of the fuzzy-matchable terms of that length (a typo never hits the last one) */
  private readonly fuzzyLastChars = new Map<number, Set<string>>();

  constructor(entries: Iterable<TermEntry>) {
    const byTerm = new Map<string, TermEntry[]>();
    for (const entry of entries) {
      if (!entry.term) continue;
      const key = foldConfusables(entry.term);
      const list = byTerm.get(key) ?? [];
      if (!list.some((e) => sameEntry(e, entry))) list.push(entry);
      byTerm.set(key, list);
    }
    const lengths = new Set<number>();
    for (const [term, list] of byTerm) {
      const first = term[0] as string;
      const bucket = this.byFirstChar.get(first) ?? [];
      bucket.push({ term, entries: list });
      this.byFirstChar.set(first, bucket);
      const units = list.filter((e) => e.kind !== 'asset');
      if (term.length >= FUZZY_MIN_LENGTH && units.length) {
        lengths.add(term.length);
        const last = this.fuzzyLastChars.get(term.length) ?? new Set<string>();
        last.add(term[term.length - 1] as string);
        this.fuzzyLastChars.set(term.length, last);
        for (let j = 0; j < term.length - 1; j++) {
          const key = `${term.slice(0, j)}?${term.slice(j + 1)}`;
          const fb = this.fuzzy.get(key) ?? [];
          fb.push({ term, entries: units });
          this.fuzzy.set(key, fb);
        }
      }
    }
    for (const bucket of this.byFirstChar.values()) bucket.sort((a, b) => b.term.length - a.term.length);
    this.fuzzyLengths = [...lengths].sort((a, b) => b - a);
  }

  /** Whether a known term (of an entry `accept` keeps) starts the (normalised) text. */
  startsWithTerm(text: string, accept: (entry: TermEntry) => boolean = () => true): boolean {
    const bucket = text ? this.byFirstChar.get(text[0] as string) : undefined;
    return !!bucket?.some((b) => text.startsWith(b.term) && b.entries.some(accept));
  }

  /**
   * Finds the known terms in `text`, left to right: at each offset the longest term that has an entry
   * `accept` keeps wins, and the scan resumes after it, so 黄埔东路 is one hit and never a hit for a
   * shorter term inside it. Entries `accept` rejects are left out of the hits.
   */
  scan(text: string, accept: (entry: TermEntry) => boolean = () => true): TermHit[] {
    const hits: TermHit[] = [];
    let i = 0;
    while (i < text.length) {
      let advanced = false;
      for (const { term, entries } of this.byFirstChar.get(text[i] as string) ?? []) {
        if (!text.startsWith(term, i)) continue;
        const kept = entries.filter(accept);
        if (kept.length === 0) continue;
        hits.push({ term, at: i, end: i + term.length, entries: kept });
        i += term.length;
        advanced = true;
        break;
      }
      if (!advanced) i++;
    }
    return hits;
  }

  /**
   * Typo matches: stretches of the text, outside the `exact` hits, that equal a known name of 4+
   * characters except for one character (never the last: 路, 村, 园 … say what kind of place it is).
   * A stretch that could be several names yields one hit with all of them, so the router sees the doubt.
   */
  scanFuzzy(text: string, exact: readonly TermHit[], accept: (entry: TermEntry) => boolean = () => true): TermHit[] {
    // taken[k] = how many characters before offset k lie inside an exact hit
    const taken = new Uint16Array(text.length + 1);
    const inHit = new Uint8Array(text.length);
    for (const h of exact) inHit.fill(1, h.at, h.end);
    for (let k = 0; k < text.length; k++) taken[k + 1] = taken[k]! + inHit[k]!;
    const hits: TermHit[] = [];
    let i = 0;
    while (i < text.length) {
      let found: TermHit | undefined;
      for (const len of this.fuzzyLengths) {
        const end = i + len;
        if (end > text.length || !this.fuzzyLastChars.get(len)!.has(text[end - 1] as string) || taken[end] !== taken[i]) continue;
        const window = text.slice(i, end);
        const entries: TermEntry[] = [];
        let term = '';
        for (let j = 0; j < len - 1; j++) {
          for (const b of this.fuzzy.get(`${window.slice(0, j)}?${window.slice(j + 1)}`) ?? []) {
            if (b.term === window) continue;
            for (const e of b.entries) if (accept(e) && !entries.some((x) => sameEntry(x, e))) entries.push(e);
            term ||= b.term;
          }
        }
        if (entries.length) {
          found = { term, at: i, end, entries, typed: window };
          break;
        }
      }
      if (found) {
        hits.push(found);
        i = found.end;
      } else i++;
    }
    return hits;
  }
}

function sameEntry(a: TermEntry, b: TermEntry): boolean {
  if (a.kind === 'asset' || b.kind === 'asset') return a.kind === b.kind && a.term === b.term && (a as { asset: OwnedAsset }).asset.id === (b as { asset: OwnedAsset }).asset.id;
  return a.kind === b.kind && a.term === b.term && a.unitCode === b.unitCode;
}

/** Every name, alias and place of the tree's streets, communities and grids, and its owned assets, as index entries. */
export function termEntries(tree: JurisdictionTree): TermEntry[] {
  const out: TermEntry[] = [];
  const placeEntries = (places: readonly Place[], level: UnitLevelOfTerm, unit: { unitCode: string; streetCode: string; communityCode?: string }) => {
    for (const place of places) {
      for (const term of [place.name, ...place.aliases]) out.push({ kind: 'place', term, level, ...unit, place });
    }
  };
  for (const street of tree.document.streets) {
    const streetCode = street.code;
    out.push({ kind: 'name', term: street.name, level: 'street', unitCode: streetCode, streetCode });
    for (const term of street.aliases) out.push({ kind: 'alias', term, level: 'street', unitCode: streetCode, streetCode });
    placeEntries(street.places, 'street', { unitCode: streetCode, streetCode });
    for (const community of street.communities) {
      const communityCode = community.code;
      const unit = { unitCode: communityCode, streetCode, communityCode };
      out.push({ kind: 'name', term: community.name, level: 'community', ...unit });
      for (const term of community.aliases) out.push({ kind: 'alias', term, level: 'community', ...unit });
      placeEntries(community.places, 'community', unit);
      for (const grid of community.grids) {
        const gridUnit = { unitCode: grid.code, streetCode, communityCode };
        out.push({ kind: 'name', term: grid.name, level: 'grid', ...gridUnit });
        for (const term of grid.aliases) out.push({ kind: 'alias', term, level: 'grid', ...gridUnit });
        placeEntries(grid.places, 'grid', gridUnit);
      }
    }
  }
  for (const asset of tree.ownedAssets()) {
    for (const term of [asset.name, ...asset.aliases]) out.push({ kind: 'asset', term, asset });
  }
  return out;
}
