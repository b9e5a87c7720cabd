// Repeated requests and hot spots: which recent cases a new one may repeat.
import { describe, expect, it } from 'vitest';
import { bigrams, distanceMetres, duplicateCandidates, inHotspotWindow, jaccard, matchingText, MIN_SIMILARITY, type RecentCase } from '../../../shared/domain/work/duplicates.js';
import { redactPersonalData } from '../../../shared/security/mask.js';

const text = (s: string) => matchingText(s, redactPersonalData);
const recent = (caseId: string, content: string, changes: Partial<RecentCase> = {}): RecentCase => ({
  caseId,
  category: 'urban-management/sanitation',
  place: '440112005001',
  createdAt: '2026-11-22T02:00:00.000Z',
  text: text(content),
  ...changes,
});
const fresh = recent('HP-20261123-000009', '丰乐北路小区门口垃圾堆积，三天没人清理，电话13800138000', { createdAt: '2026-11-23T02:00:00.000Z' });

describe('matching text', () => {
  it('drops punctuation, spaces and phone numbers and reads traditional characters as simplified', () => {
    expect(text('丰乐北路，小区 门口！电话13800138000')).toBe('丰乐北路小区门口电话');
    expect(text('夜間施工噪音')).toBe(text('夜间施工噪音'));
    expect(jaccard(bigrams(text('夜間施工噪音太大')), bigrams(text('夜间施工噪音太大')))).toBe(1);
    expect(jaccard(bigrams(''), bigrams(''))).toBe(0);
  });
});

describe('duplicate candidates', () => {
  it('proposes the same complaint in other words, not another problem of the same category', () => {
    const candidates = duplicateCandidates(fresh, [
      recent('HP-20261122-000001', '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运'),
      recent('HP-20261122-000002', '大沙东路菜市场旁边垃圾桶满了没人收'),
    ]);
    expect(candidates.map((c) => c.caseId)).toEqual(['HP-20261122-000001']);
    expect(candidates[0]!.score).toBeGreaterThanOrEqual(MIN_SIMILARITY);
    expect(candidates[0]!.reason).toContain('同一村社');
  });

  it('needs the same category, a recent case, and the same place or a point nearby', () => {
    const same = '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运';
    expect(duplicateCandidates(fresh, [recent('A', same, { category: 'environmental-protection/noise' })])).toEqual([]);
    expect(duplicateCandidates(fresh, [recent('B', same, { createdAt: '2026-11-10T02:00:00.000Z' })])).toEqual([]);
    expect(duplicateCandidates(fresh, [recent('C', same, { place: '440112005002' })])).toEqual([]);
    const here = { lat: 23.1060, lng: 113.4470, system: 'wgs84' as const };
    const near = { lat: 23.1075, lng: 113.4470, system: 'wgs84' as const }; // ~167 m north
    const withPoint = { ...fresh, location: here };
    expect(duplicateCandidates(withPoint, [recent('D', same, { place: '440112005002', location: near })]).map((c) => c.reason)).toEqual([expect.stringContaining('相距约167米')]);
    expect(duplicateCandidates(withPoint, [recent('E', same, { place: '440112005002', location: { lat: 23.12, lng: 113.447, system: 'wgs84' } })])).toEqual([]);
  });

  it('measures distances on the earth', () => {
    expect(Math.round(distanceMetres({ lat: 23.106, lng: 113.447, system: 'wgs84' }, { lat: 23.107, lng: 113.447, system: 'wgs84' }))).toBe(111);
  });

  it('counts the hot-spot window up to the case', () => {
    const cases = [recent('1', 'x', { createdAt: '2026-11-10T00:00:00.000Z' }), recent('2', 'x', { createdAt: '2026-11-20T00:00:00.000Z' }), recent('3', 'x', { createdAt: '2026-11-23T03:00:00.000Z' })];
    expect(inHotspotWindow(cases, '2026-11-23T02:00:00.000Z').map((c) => c.caseId)).toEqual(['2']);
  });
});
