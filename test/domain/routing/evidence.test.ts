// Weighing evidence and deciding: noisy-or per unit, a penalty for contested decisions, ties as no decision.
import { describe, expect, it } from 'vitest';
import { candidatesOf, decide, evidenceOf, type Evidence } from '../../../shared/domain/routing/evidence.js';
import type { TermHit, UnitTermEntry } from '../../../shared/domain/routing/term-index.js';

const entry = (term: string, streetCode: string, kind: 'name' | 'alias' = 'name'): UnitTermEntry => ({ kind, term, level: 'street', unitCode: streetCode, streetCode });
const hit = (e: UnitTermEntry, at = 0): TermHit => ({ term: e.term, at, end: at + e.term.length, entries: [e] });
const ev = (e: UnitTermEntry, score: number): Evidence => ({ entry: e, source: 'address', score, hit: hit(e) });

describe('evidence', () => {
  it('weighs names, aliases, the source and typos', () => {
    const name = entry('大沙街道', '440112005');
    const alias = entry('大沙', '440112005', 'alias');
    expect(evidenceOf('大沙街道', [hit(name)], 'address', 'street')[0]!.score).toBe(0.95);
    expect(evidenceOf('大沙', [hit(alias)], 'content', 'street')[0]!.score).toBeCloseTo(0.765);
    expect(evidenceOf('大砂街道', [{ ...hit(name), typed: '大砂街道' }], 'address', 'street')[0]!.score).toBeCloseTo(0.8075);
    // a street's name says nothing about the community
    expect(evidenceOf('大沙街道', [hit(name)], 'address', 'community')).toEqual([]);
  });

  it('keeps only the part of a ranged road that holds the house number', () => {
    const road = (communityCode: string, side: 'odd' | 'even'): UnitTermEntry => ({
      kind: 'place',
      term: '丰乐中路',
      level: 'community',
      unitCode: communityCode,
      streetCode: '440112005',
      communityCode,
      place: { name: '丰乐中路', kind: 'road', aliases: [], numbers: [{ from: 1, to: 200, side }] },
    });
    const h: TermHit = { term: '丰乐中路', at: 0, end: 4, entries: [road('440112005001', 'odd'), road('440112005004', 'even')] };
    const odd = evidenceOf('丰乐中路17号', [h], 'address', 'community');
    expect(odd.map((e) => [e.entry.unitCode, e.numberMatch, e.score])).toEqual([['440112005001', 'in-range', 0.85]]);
    expect(evidenceOf('丰乐中路', [h], 'address', 'community').map((e) => e.numberMatch)).toEqual(['no-number', 'no-number']);
    expect(evidenceOf('丰乐中路999号', [h], 'address', 'community').map((e) => e.numberMatch)).toEqual(['out-of-range', 'out-of-range']);
  });

  it('adds independent terms for one unit and decides with a penalty when contested', () => {
    const a = entry('甲街道', '440112001');
    const a2 = entry('甲路', '440112001', 'alias');
    const b = entry('乙路', '440112002', 'alias');
    const cands = candidatesOf([ev(a, 0.95), ev(a2, 0.75), ev(b, 0.75)], 'street');
    expect(cands.map((c) => c.code)).toEqual(['440112001', '440112002']);
    expect(cands[0]!.score).toBeCloseTo(0.9875);
    const outcome = decide(cands);
    expect(outcome.kind).toBe('decided');
    if (outcome.kind === 'decided') expect(outcome.confidence).toBeLessThan(cands[0]!.score);
    expect(decide(candidatesOf([ev(a, 0.8)], 'street'))).toMatchObject({ kind: 'decided', confidence: 0.8 });
    expect(decide(candidatesOf([ev(a, 0.75), ev(b, 0.75)], 'street')).kind).toBe('tie');
    expect(decide([]).kind).toBe('none');
  });

  it('a close runner-up costs more than a distant one', () => {
    const a = entry('甲', '440112001');
    const b = entry('乙', '440112002');
    const close = decide(candidatesOf([ev(a, 0.8), ev(b, 0.75)], 'street'));
    const far = decide(candidatesOf([ev(a, 0.8), ev(b, 0.4)], 'street'));
    expect(close.kind === 'decided' && far.kind === 'decided' && close.confidence < far.confidence).toBe(true);
  });
});
