// A table of keywords compiled into a character trie: `find` returns every keyword in a text, longest match
// winning where keywords overlap. Used by the rules (urgent words, forced categories, keyword families).

export interface KeywordMatch {
  start: number;
  end: number;
  keyword: string;
  targets: readonly string[];
}

interface TrieNode {
  next: Map<string, TrieNode>;
  /** set when a keyword ends here */
  keyword?: string;
  targets?: string[];
}

/** Keywords are given already normalised (the caller knows its normalisation); each at least 2 characters. */
export class KeywordTable {
  private readonly root: TrieNode = { next: new Map() };

  constructor(
    private readonly label: string,
    entries: Iterable<readonly [keyword: string, target: string]>,
    normalise: (keyword: string) => string = (k) => k,
  ) {
    for (const [raw, target] of entries) this.add(normalise(raw), raw, target);
  }

  private add(keyword: string, raw: string, target: string): void {
    if ([...keyword].length < 2) {
      throw new Error(`${this.label}: keyword "${raw}" is shorter than 2 characters`);
    }
    let node = this.root;
    for (const ch of keyword) {
      let child = node.next.get(ch);
      if (!child) {
        child = { next: new Map() };
        node.next.set(ch, child);
      }
      node = child;
    }
    node.keyword = keyword;
    node.targets ??= [];
    if (!node.targets.includes(target)) node.targets.push(target);
  }

  /** Every keyword occurrence; a match lying wholly inside a longer kept match is dropped. */
  find(text: string): KeywordMatch[] {
    return keepLongest(this.findEvery(text));
  }

  /** Every keyword occurrence, overlapping ones included, in order of start. */
  findEvery(text: string): KeywordMatch[] {
    const all: KeywordMatch[] = [];
    for (let i = 0; i < text.length; i++) {
      let node: TrieNode | undefined = this.root;
      for (let j = i; j < text.length; j++) {
        node = node.next.get(text[j]!);
        if (!node) break;
        if (node.targets && node.keyword) all.push({ start: i, end: j + 1, keyword: node.keyword, targets: node.targets });
      }
    }
    return all;
  }
}

/** Longest match wins: a match lying wholly inside longer kept matches is dropped. Sorted by start. */
export function keepLongest(matches: readonly KeywordMatch[]): KeywordMatch[] {
  if (matches.length < 2) return [...matches];
  const byLength = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const end = Math.max(...matches.map((m) => m.end));
  const covered = new Uint8Array(end);
  const kept: KeywordMatch[] = [];
  for (const m of byLength) {
    let inside = true;
    for (let k = m.start; k < m.end; k++) {
      if (!covered[k]) {
        inside = false;
        break;
      }
    }
    if (inside) continue;
    kept.push(m);
    covered.fill(1, m.start, m.end);
  }
  return kept.sort((a, b) => a.start - b.start);
}
