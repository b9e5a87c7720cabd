// The jurisdiction model: the real 17 streets of 黄埔区, the tree's lookups, and the schema's errors.
import { describe, expect, it } from 'vitest';
import { huangpuTree } from '../../../shared/domain/jurisdiction/huangpu.js';
import {
  JurisdictionDataError,
  formatPath,
  parseJurisdictionDocument,
  type JurisdictionDocumentInput,
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

/** A version-1 document (places as plain strings, no boundaries): still accepted. */
function smallDoc(): JurisdictionDocumentInput & { streets: NonNullable<JurisdictionDocumentInput['streets']> } {
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

  it('gives each street 3–6 sample communities with 12-digit codes, 2–4 sample grids each, places and boundaries', () => {
    expect(huangpuTree.sample).toEqual({ communities: true, grids: true, boundaries: true });
    for (const street of huangpuTree.streets()) {
      const communities = huangpuTree.communities(street.code);
      expect(communities.length, street.name).toBeGreaterThanOrEqual(3);
      expect(communities.length, street.name).toBeLessThanOrEqual(6);
      expect(huangpuTree.boundaryOf(street.code), street.name).toBeDefined();
      for (const c of communities) {
        expect(c.code).toMatch(new RegExp(`^${street.code}\\d{3}$`));
        expect(c.parentCode).toBe(street.code);
        const details = huangpuTree.communityDetails(c.code);
        expect(details?.places.length, c.name).toBeGreaterThan(0);
        const grids = huangpuTree.grids(c.code);
        expect(grids.length, c.name).toBeGreaterThanOrEqual(2);
        expect(grids.length, c.name).toBeLessThanOrEqual(4);
        expect(grids[0]).toEqual({ code: `${c.code}-01`, name: `${c.name}第一网格`, level: 'grid', parentCode: c.code });
        for (const g of grids) expect(huangpuTree.boundaryOf(g.code), g.code).toBeDefined();
      }
      const details = huangpuTree.streetDetails(street.code);
      expect(details?.aliases.length, street.name).toBeGreaterThan(0);
    }
  });

  it('puts 丰乐北路 inside a 大沙街道 community, and splits 丰乐中路 by odd and even numbers', () => {
    const holders = (name: string) => huangpuTree.communities('440112005').filter((c) => huangpuTree.communityDetails(c.code)?.places.some((p) => p.name === name));
    expect(holders('丰乐北路').map((c) => c.name)).toEqual(['大沙东社区']);
    const middle = holders('丰乐中路').map((c) => [c.name, huangpuTree.namesOf(c.code).places.find((p) => p.name === '丰乐中路')?.numbers]);
    expect(middle).toEqual([
      ['大沙东社区', [{ from: 1, to: 199, side: 'odd' }]],
      ['双沙社区', [{ from: 2, to: 200, side: 'even' }]],
    ]);
  });

  it('lists what departments own regardless of place, by department code', () => {
    const assets = huangpuTree.ownedAssets();
    expect(assets.find((a) => a.name === '广园快速路')).toMatchObject({ kind: 'expressway', department: 'transport' });
    expect(assets.find((a) => a.name === '南岗河')).toMatchObject({ kind: 'river', department: 'water-affairs' });
    expect(assets.find((a) => a.name === '地铁6号线')).toMatchObject({ kind: 'metro-line', department: 'transport' });
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
    expect(huangpuTree.hasBoundaries).toBe(true);
  });
});

describe('the jurisdiction schema', () => {
  it('accepts a small version-1 document: string places become places of kind other, no boundaries', () => {
    const tree = loadJurisdictionTree(smallDoc(), 'small');
    expect(tree.streets().map((s) => s.name)).toEqual(['大沙街道']);
    expect(tree.namesOf('440112005001').places).toEqual([{ name: '丰乐北路', kind: 'other', aliases: [] }]);
    expect(tree.hasBoundaries).toBe(false);
    expect(tree.document.coordinateSystem).toBe('wgs84');
    expect(tree.ownedAssets()).toEqual([]);
  });

  it('checks version-2 places, boundaries and owned assets', () => {
    const doc = smallDoc() as any;
    doc.version = 2;
    doc.streets[0].communities[0].places = [{ name: '丰乐北路', kind: 'road', numbers: [{ from: 9, to: 1 }] }, { name: '某小区', kind: 'compound', numbers: [{ from: 1, to: 9 }] }];
    doc.streets[0].boundary = { type: 'Polygon', coordinates: [[[113, 23], [113.1, 23], [113.1, 23.1]]] };
    doc.ownedAssets = [{ id: 'x', name: '某河', kind: 'river', department: 'no-such-department' }];
    let problems: string[] = [];
    try {
      parseJurisdictionDocument(doc, 'v2.json');
    } catch (e) {
      problems = (e as JurisdictionDataError).problems;
    }
    expect(problems).toContain('streets[0].communities[0].places[0].numbers[0]: a house-number range needs from ≤ to');
    expect(problems).toContain('streets[0].communities[0].places[1].numbers: only a road can have house-number ranges');
    expect(problems.some((p) => p.startsWith('streets[0].boundary'))).toBe(true);
    expect(problems).toContain('ownedAssets[0].department: unknown department code');
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
    doc.streets.push({ ...doc.streets[0]!, code: '440113001' } as (typeof doc.streets)[number]);
    expect(() => parseJurisdictionDocument(doc)).toThrow(/streets\[1\]\.code: street 440113001 does not start with the district code 440112/);
    expect(() => parseJurisdictionDocument(doc)).toThrow(/streets\[1\]\.communities\[0\]\.code: duplicate code 440112005001 \(first used at streets\[0\]\.communities\[0\]\.code\)/);
  });

  it('formats paths', () => {
    expect(formatPath(['streets', 3, 'communities', 0, 'code'])).toBe('streets[3].communities[0].code');
    expect(formatPath([])).toBe('(root)');
  });
});
