// The jurisdiction model: the real 17 streets of 黄埔区, the tree's lookups, and the schema's errors.
import { describe, expect, it } from 'vitest';
import { huangpuTree } from '../../../shared/domain/jurisdiction/huangpu.js';
import {
  JurisdictionDataError,
  formatPath,
  parseJurisdictionDocument,
  type JurisdictionDocument,
} from '../../../shared/domain/jurisdiction/schema.js';
import { loadJurisdictionTree } from '../../../shared/domain/jurisdiction/tree.js';

/** The official 统计用区划代码 of 黄埔区's streets and towns. */
const OFFICIAL_STREETS: [string, string][] = [
  ['440112001', '黄埔街道'],
  ['440112002', '红山街道'],
  ['440112003', '鱼珠街道'],
  ['440112005', '大沙街道'],
  ['440112006', '文冲街道'],
  ['440112007', '穗东街道'],
  ['440112008', '南岗街道'],
  ['440112010', '长洲街道'],
  ['440112011', '夏港街道'],
  ['440112012', '萝岗街道'],
  ['440112013', '云埔街道'],
  ['440112014', '联和街道'],
  ['440112015', '永和街道'],
  ['440112016', '长岭街道'],
  ['440112017', '九佛街道'],
  ['440112018', '龙湖街道'],
  ['440112101', '新龙镇'],
];

function smallDoc(): JurisdictionDocument {
  return {
    format: 'hotline12345/jurisdiction',
    version: 1,
    generatedFrom: [],
    sample: { communities: true, grids: true },
    district: { code: '440112', name: '黄埔区' },
    otherDistricts: [],
    streets: [
      {
        code: '440112005',
        name: '大沙街道',
        aliases: ['大沙'],
        places: [],
        communities: [{ code: '440112005001', name: '大沙东社区', aliases: [], places: ['丰乐北路'], grids: [{ code: '440112005001-01', name: '大沙东社区第一网格' }] }],
      },
    ],
  };
}

describe('the Huangpu tree', () => {
  it('holds the 17 real streets/towns of 黄埔区 with their official codes, in order', () => {
    expect(huangpuTree.district).toEqual({ code: '440112', name: '黄埔区', level: 'district', parentCode: null });
    expect(huangpuTree.streets().map((s) => [s.code, s.name])).toEqual(OFFICIAL_STREETS);
    for (const s of huangpuTree.streets()) expect(s).toMatchObject({ level: 'street', parentCode: '440112' });
  });

  it('gives each street 3–6 sample communities with 12-digit codes and one grid each', () => {
    expect(huangpuTree.sample).toEqual({ communities: true, grids: true });
    for (const street of huangpuTree.streets()) {
      const communities = huangpuTree.communities(street.code);
      expect(communities.length, street.name).toBeGreaterThanOrEqual(3);
      expect(communities.length, street.name).toBeLessThanOrEqual(6);
      for (const c of communities) {
        expect(c.code).toMatch(new RegExp(`^${street.code}\\d{3}$`));
        expect(c.parentCode).toBe(street.code);
        const details = huangpuTree.communityDetails(c.code);
        expect(details?.places.length, c.name).toBeGreaterThan(0);
        expect(huangpuTree.grids(c.code)).toEqual([{ code: `${c.code}-01`, name: `${c.name}第一网格`, level: 'grid', parentCode: c.code }]);
      }
      const details = huangpuTree.streetDetails(street.code);
      expect(details?.aliases.length, street.name).toBeGreaterThan(0);
      expect(details?.places.length, street.name).toBeGreaterThan(0);
    }
  });

  it('puts 丰乐北路 inside a 大沙街道 community', () => {
    const holders = huangpuTree.communities('440112005').filter((c) => huangpuTree.communityDetails(c.code)?.places.includes('丰乐北路'));
    expect(holders.map((c) => c.name)).toEqual(['大沙东社区']);
  });

  it('looks up any level by code, with its parent, path and the case jurisdiction', () => {
    expect(huangpuTree.get('440112005')).toEqual({ code: '440112005', name: '大沙街道', level: 'street', parentCode: '440112' });
    expect(huangpuTree.get('440112005001')).toMatchObject({ level: 'community', parentCode: '440112005' });
    expect(huangpuTree.get('440112005001-01')).toMatchObject({ level: 'grid', parentCode: '440112005001' });
    expect(huangpuTree.get('440112')).toBe(huangpuTree.district);
    expect(huangpuTree.get('999')).toBeUndefined();
    expect(() => huangpuTree.require('999')).toThrow(/unknown jurisdiction code 999/);
    expect(huangpuTree.path('440112005001-01').map((n) => n.level)).toEqual(['district', 'street', 'community', 'grid']);
    expect(huangpuTree.jurisdictionOf('440112005001')).toEqual({
      district: { code: '440112', name: '黄埔区' },
      street: { code: '440112005', name: '大沙街道' },
      community: { code: '440112005001', name: '大沙东社区' },
      grid: null,
    });
    expect(huangpuTree.communities('440112005001')).toEqual([]);
    expect(huangpuTree.grids('440112005')).toEqual([]);
    expect(huangpuTree.hasBoundaries).toBe(false);
  });
});

describe('the jurisdiction schema', () => {
  it('accepts a small valid document', () => {
    const tree = loadJurisdictionTree(smallDoc(), 'small');
    expect(tree.streets().map((s) => s.name)).toEqual(['大沙街道']);
  });

  it('rejects a bad document with an error naming the source and the path of each problem', () => {
    const doc = smallDoc() as unknown as { streets: { communities: { code: string; grids: unknown[] }[] }[] };
    doc.streets[0]!.communities[0]!.code = '44011200501';
    doc.streets[0]!.communities[0]!.grids = [];
    let error: unknown;
    try {
      parseJurisdictionDocument(doc, 'shared/data/bad.json');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(JurisdictionDataError);
    const { message, problems } = error as JurisdictionDataError;
    expect(message).toContain('invalid jurisdiction data in shared/data/bad.json');
    expect(problems).toContain('streets[0].communities[0].code: community code must be 12 digits');
    expect(problems).toContain('streets[0].communities[0].grids: a community needs at least one grid');
  });

  it('rejects a wrong format tag and codes that do not nest or repeat', () => {
    expect(() => parseJurisdictionDocument({ ...smallDoc(), format: 'other' })).toThrow(/format:/);
    const doc = smallDoc();
    doc.streets.push({ ...doc.streets[0]!, code: '440113001' });
    expect(() => parseJurisdictionDocument(doc)).toThrow(/streets\[1\]\.code: street 440113001 does not start with the district code 440112/);
    expect(() => parseJurisdictionDocument(doc)).toThrow(/streets\[1\]\.communities\[0\]\.code: duplicate code 440112005001 \(first used at streets\[0\]\.communities\[0\]\.code\)/);
  });

  it('formats paths', () => {
    expect(formatPath(['streets', 3, 'communities', 0, 'code'])).toBe('streets[3].communities[0].code');
    expect(formatPath([])).toBe('(root)');
  });
});
