// The name index: longest match first, confusables folded, typo matches only where exact ones are not.
import { describe, expect, it } from 'vitest';
import { TermIndex, type TermEntry } from '../../../shared/domain/routing/term-index.js';

const place = (term: string, unitCode: string): TermEntry => ({ kind: 'place', term, level: 'community', unitCode, streetCode: unitCode.slice(0, 9), communityCode: unitCode, place: { name: term, kind: 'road', aliases: [] } });
const index = new TermIndex([
  place('丰乐北路', '440112005001'),
  place('丰乐中路', '440112005004'),
  place('丰乐北', '440112005002'),
  place('佛塱大街', '440112017004'),
  { kind: 'alias', term: '大沙', level: 'street', unitCode: '440112005', streetCode: '440112005' },
]);

describe('TermIndex', () => {
  it('finds the longest term at each offset and moves past it', () => {
    const hits = index.scan('大沙丰乐北路12号');
    expect(hits.map((h) => [h.term, h.at, h.end])).toEqual([
      ['大沙', 0, 2],
      ['丰乐北路', 2, 6],
    ]);
  });

  it('matches a term whose confusable characters were folded (the text is folded by the normaliser)', () => {
    expect(index.scan('佛塱大街').map((h) => h.entries[0]!.term)).toEqual(['佛塱大街']);
  });

  it('finds a typo of one character (not the last) in a 4+ character name, with every name it could be', () => {
    const [hit] = index.scanFuzzy('丰乐西路3号', []);
    expect(hit).toMatchObject({ typed: '丰乐西路', at: 0, end: 4 });
    expect(hit!.entries.map((e) => e.term).sort()).toEqual(['丰乐中路', '丰乐北路']);
    expect(index.scanFuzzy('丰乐北街', [])).toEqual([]); // the last character (路/街) must be right
    expect(index.scanFuzzy('丰乐北路', index.scan('丰乐北路'))).toEqual([]); // exact hits are not typos
  });

  it('tells whether a known term starts a text', () => {
    expect(index.startsWithTerm('大沙某处')).toBe(true);
    expect(index.startsWithTerm('某处大沙')).toBe(false);
    expect(index.startsWithTerm('大沙', (e) => e.kind === 'place')).toBe(false);
  });
});
