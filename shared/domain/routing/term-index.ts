// An index of the place names the router knows (street names, aliases, community names, places), built
// once, and a left-to-right scan that finds them in a text, longest match first, without regexes.
import type { JurisdictionTree } from '../jurisdiction/tree.js';

/** What a known term names; the order is the order of evidence strength for the street hop. */
export type TermKind =
  | 'street-name'
  | 'street-alias'
  | 'street-place'
  | 'community-name'
  | 'community-alias'
  | 'community-place';

export interface TermEntry {
  term: string;
  kind: TermKind;
  streetCode: string;
  /** set for the community kinds */
  communityCode?: string;
}

export interface TermHit {
  term: string;
  /** offset in the scanned text */
  at: number;
  /** every unit this term names (a term listed under two units has two entries), after the scan's filter */
  entries: TermEntry[];
}

interface Bucket {
  term: string;
  entries: TermEntry[];
}

export class TermIndex {
  /** first character → the terms starting with it, longest first */
  private readonly byFirstChar = new Map<string, Bucket[]>();

  constructor(entries: Iterable<TermEntry>) {
    const byTerm = new Map<string, TermEntry[]>();
    for (const entry of entries) {
      if (!entry.term) continue;
      const list = byTerm.get(entry.term) ?? [];
      if (!list.some((e) => e.kind === entry.kind && e.streetCode === entry.streetCode && e.communityCode === entry.communityCode)) {
        list.push(entry);
      }
      byTerm.set(entry.term, list);
    }
    for (const [term, list] of byTerm) {
      const first = term[0] as string;
      const bucket = this.byFirstChar.get(first) ?? [];
      bucket.push({ term, entries: list });
      this.byFirstChar.set(first, bucket);
    }
    for (const bucket of this.byFirstChar.values()) bucket.sort((a, b) => b.term.length - a.term.length);
  }

  /** Whether a known term of one of the given kinds starts the text. */
  startsWithTerm(text: string, kinds: readonly TermKind[]): boolean {
    const bucket = text ? this.byFirstChar.get(text[0] as string) : undefined;
    return !!bucket?.some((b) => text.startsWith(b.term) && b.entries.some((e) => kinds.includes(e.kind)));
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
        hits.push({ term, at: i, entries: kept });
        i += term.length;
        advanced = true;
        break;
      }
      if (!advanced) i++;
    }
    return hits;
  }
}

/** Every name, alias and place of the tree's streets and communities as index entries. */
export function termEntries(tree: JurisdictionTree): TermEntry[] {
  const out: TermEntry[] = [];
  for (const street of tree.document.streets) {
    const streetCode = street.code;
    out.push({ term: street.name, kind: 'street-name', streetCode });
    for (const term of street.aliases) out.push({ term, kind: 'street-alias', streetCode });
    for (const term of street.places) out.push({ term, kind: 'street-place', streetCode });
    for (const community of street.communities) {
      const communityCode = community.code;
      out.push({ term: community.name, kind: 'community-name', streetCode, communityCode });
      for (const term of community.aliases) out.push({ term, kind: 'community-alias', streetCode, communityCode });
      for (const term of community.places) out.push({ term, kind: 'community-place', streetCode, communityCode });
    }
  }
  return out;
}
