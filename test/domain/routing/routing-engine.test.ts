// The routing engine over the Huangpu tree (sample communities, grids, places and boundaries) and over
// small hand-made trees: which street, which community and grid, or which department, with what confidence,
// what reason and what flags — from the address, the content and the coordinates.
import { describe, expect, it } from 'vitest';
import { huangpuTree } from '../../../shared/domain/jurisdiction/huangpu.js';
import { interiorPoint } from '../../../shared/domain/jurisdiction/geometry.js';
import type { JurisdictionDocumentInput } from '../../../shared/domain/jurisdiction/schema.js';
import { loadJurisdictionTree, type JurisdictionTree } from '../../../shared/domain/jurisdiction/tree.js';
import { fromWgs84 } from '../../../shared/domain/routing/coordinates.js';
import { createHuangpuRouter, huangpuDistrict, huangpuRouter } from '../../../shared/domain/routing/huangpu-router.js';
import { AUTO_DISPATCH_CONFIDENCE, createRoutingEngine } from '../../../shared/domain/routing/routing-engine.js';

const DEMO = '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运';
const DASHA = { code: '440112005', name: '大沙街道' };

type StreetSpec = { code: string; name: string; aliases?: string[]; places?: string[]; community?: { name: string; places: string[] }[] };

/** A version-1 tree (no boundaries) with the given streets, each community with one grid. */
function treeOf(streets: StreetSpec[]): JurisdictionTree {
  const doc: JurisdictionDocumentInput = {
    format: 'hotline12345/jurisdiction',
    version: 1,
    generatedFrom: [],
    sample: { communities: true, grids: true },
    district: { code: '440112', name: '黄埔区' },
    otherDistricts: [{ code: '440106', name: '天河区' }],
    streets: streets.map((s) => ({
      code: s.code,
      name: s.name,
      aliases: s.aliases ?? [],
      places: s.places ?? [],
      communities: (s.community ?? [{ name: `${s.name}社区`, places: [] }]).map((c, i) => {
        const code = `${s.code}${String(i + 1).padStart(3, '0')}`;
        return { code, name: c.name, aliases: [], places: c.places, grids: [{ code: `${code}-01`, name: `${c.name}第一网格` }] };
      }),
    })),
  };
  return loadJurisdictionTree(doc, 'test');
}

const square = (x0: number, y0: number, x1: number, y1: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [x0, y0],
      [x1, y0],
      [x1, y1],
      [x0, y1],
      [x0, y0],
    ] as [number, number][],
  ],
});

/** Two streets side by side (甲 west of 乙, each about 1 km wide), one community and one grid each, with boundaries. */
function twoStreets(): JurisdictionTree {
  const street = (code: string, name: string, x0: number, place: string) => ({
    code,
    name,
    aliases: [],
    places: [],
    boundary: square(x0, 23, x0 + 0.01, 23.01),
    communities: [{ code: `${code}001`, name: `${name}社区`, aliases: [], places: [{ name: place, kind: 'compound' as const }], boundary: square(x0, 23, x0 + 0.01, 23.01), grids: [{ code: `${code}001-01`, name: `${name}网格`, boundary: square(x0, 23, x0 + 0.01, 23.01) }] }],
  });
  return loadJurisdictionTree(
    {
      format: 'hotline12345/jurisdiction',
      version: 2,
      generatedFrom: [],
      sample: { communities: true, grids: true, boundaries: true },
      district: { code: '440112', name: '黄埔区' },
      streets: [street('440112001', '甲街道', 113.0, '甲花园'), street('440112002', '乙街道', 113.01, '乙花园')],
    },
    'two-streets',
  );
}

/** A point inside a unit of the Huangpu sample layer, in the given system. */
function pointIn(code: string, system: 'gcj02' | 'wgs84' = 'wgs84') {
  const p = interiorPoint(huangpuTree.boundaryOf(code)!)!;
  return fromWgs84(p, system);
}

describe('pickStreet on the Huangpu data: text', () => {
  it('routes the demo request to 大沙街道 from the content alone', () => {
    const d = huangpuRouter.pickStreet({ content: DEMO });
    expect(d.street).toEqual(DASHA);
    expect(d.confidence).toBeGreaterThanOrEqual(AUTO_DISPATCH_CONFIDENCE);
    expect(d.reason).toContain('内容含“大沙街道” → 大沙街道(440112005)');
    expect(d.flags).toEqual([]);
  });

  it('routes the demo address to 大沙街道, the official name and the road agreeing', () => {
    const d = huangpuRouter.pickStreet({ content: '小区门口垃圾三天没人清运', address: '广东省广州市黄埔区大沙街道丰乐北路' });
    expect(d.street).toEqual(DASHA);
    expect(d.confidence).toBeGreaterThanOrEqual(0.95);
    expect(d.reason).toMatch(/^地址含“大沙街道” → 大沙街道\(440112005\)/);
    expect(d.reason).toContain('丰乐北路');
    expect(d.candidates[0]).toMatchObject({ code: '440112005' });
  });

  it('ranks the address above the content', () => {
    expect(huangpuRouter.pickStreet({ content: '我在文冲街道上班', address: '大沙街道丰乐北路' }).street).toEqual(DASHA);
  });

  it('understands the alias 大沙 and says so', () => {
    const d = huangpuRouter.pickStreet({ content: '路灯不亮', address: '大沙丰乐北路' });
    expect(d.street).toEqual(DASHA);
    expect(d.reason).toContain('“大沙”（大沙街道的简称）');
  });

  it('picks the street from a community name, a village, a compound or a landmark, naming the community', () => {
    expect(huangpuRouter.pickStreet({ content: '噪音扰民', address: '姬堂社区' }).reason).toContain('“姬堂社区”（大沙街道的村社）');
    const village = huangpuRouter.pickStreet({ content: '噪音', address: '横沙村' });
    expect(village.street).toEqual(DASHA);
    expect(village.reason).toContain('“横沙村”（横沙社区的村） → 大沙街道(440112005)（横沙社区）');
    expect(huangpuRouter.pickStreet({ content: '电梯坏了', address: '荔园小区' }).reason).toContain('“荔园小区”（大沙北社区第二网格的小区） → 大沙街道(440112005)（大沙北社区）');
    expect(huangpuRouter.pickStreet({ content: 'x', address: '南海神庙' }).street?.name).toBe('穗东街道');
  });

  it('reads house numbers: 黄埔东路 runs through four streets and the number says which', () => {
    const at = (n: string) => huangpuRouter.pickStreet({ content: 'x', address: `黄埔东路${n}` });
    expect(at('268号').street?.name).toBe('鱼珠街道');
    expect(at('1288号').street?.name).toBe('大沙街道');
    expect(at('2388号').street?.name).toBe('文冲街道');
    expect(at('3268号').street?.name).toBe('穗东街道');
    expect(at('2388号').reason).toContain('“黄埔东路2388号”（文冲街道的道路，门牌在2000-2899号内）');
    const none = at('');
    expect(none.street).toBeNull();
    expect(none.flags).toContain('ambiguous');
    expect(none.candidates.map((c) => c.name).sort()).toEqual(['大沙街道', '文冲街道', '穗东街道', '鱼珠街道'].sort());
  });

  it('does not take 黄埔东路, 黄埔军校 or 黄埔区 for 黄埔街道', () => {
    expect(huangpuRouter.pickStreet({ content: 'x', address: '黄埔东路1号' }).street?.code).not.toBe('440112001');
    expect(huangpuRouter.pickStreet({ content: 'x', address: '黄埔军校' }).street?.name).toBe('长洲街道');
    expect(huangpuRouter.pickStreet({ content: 'x', address: '广州市黄埔区' }).street).toBeNull();
    expect(huangpuRouter.pickStreet({ content: 'x', address: '黄埔区黄埔街道港湾路' }).street?.name).toBe('黄埔街道');
  });

  it('reads full-width, traditional and the prefixes in all their forms', () => {
    for (const address of ['黄埔区　大沙街道　丰乐北路１２号', '廣東省廣州市黃埔區大沙街道豐樂北路12號', '广州黄埔大沙街道', '广东广州黄埔区大沙', '广州市黄浦区大沙街道', '广州开发区大沙街道']) {
      expect(huangpuRouter.pickStreet({ content: 'ｘ', address }).street, address).toEqual(DASHA);
    }
  });

  it('finds a name typed with one wrong character (4+ characters) or a confusable one, and flags the typo', () => {
    const typo = huangpuRouter.pickStreet({ content: '垃圾', address: '风乐北路3号' });
    expect(typo.street).toEqual(DASHA);
    expect(typo.flags).toContain('typo-match');
    expect(typo.reason).toContain('“风乐北路”（疑为“丰乐北路”的笔误）');
    expect(typo.confidence).toBeLessThan(0.75);
    // confusable characters are folded: 罗岗 for 萝岗, 佛朗 for 佛塱, 长州 for 长洲
    expect(huangpuRouter.pickStreet({ content: 'x', address: '罗岗村' }).street?.name).toBe('萝岗街道');
    expect(huangpuRouter.pickStreet({ content: 'x', address: '佛朗村' }).street?.name).toBe('九佛街道');
    expect(huangpuRouter.pickStreet({ content: 'x', address: '长州大街' }).street?.name).toBe('长洲街道');
    // a 3-character name with a wrong character is not guessed
    expect(huangpuRouter.pickStreet({ content: 'x', address: '横纱村' }).street).toBeNull();
  });

  it('honours excludeUnits: a street that returned the case is not picked again, and says so', () => {
    const d = huangpuRouter.pickStreet({ content: 'x', address: '大沙街道丰乐北路', excludeUnits: ['440112005'] });
    expect(d.street).toBeNull();
    expect(d.reason).toContain('已排除退单单位 大沙街道(440112005)');
    expect(d.flags).toContain('excluded-units');
    expect(huangpuRouter.pickStreet({ content: 'x', address: '大沙街道文冲大街', excludeUnits: ['440112005'] }).street?.name).toBe('文冲街道');
  });

  it('returns null with the address it saw when nothing matches', () => {
    const d = huangpuRouter.pickStreet({ content: '有人乱扔垃圾', address: '某某路99号' });
    expect(d.street).toBeNull();
    expect(d.confidence).toBe(0);
    expect(d.reason).toContain('某某路99号');
    expect(huangpuRouter.pickStreet({ content: '有人乱扔垃圾' }).reason).toContain('未提供地址');
  });

  it('an intersection of roads in two streets stays below the threshold and names both', () => {
    const d = huangpuRouter.pickStreet({ content: '路面塌陷', address: '大沙东路与文冲大街交界' });
    expect(d.street === null || d.confidence < AUTO_DISPATCH_CONFIDENCE).toBe(true);
    expect(d.reason).toContain('大沙街道(440112005)');
    expect(d.reason).toContain('文冲街道(440112006)');
  });

  it('prefers the official name over a weaker hint for another street, with a lower confidence', () => {
    const d = huangpuRouter.pickStreet({ content: 'x', address: '大沙街道文冲大街' });
    expect(d.street).toEqual(DASHA);
    expect(d.confidence).toBeLessThan(0.95);
    expect(d.reason).toContain('“文冲大街”指向文冲街道(440112006)');
  });

  it('does not route an address in another district', () => {
    const d = huangpuRouter.pickStreet({ content: '噪音', address: '广州市天河区黄埔大道西' });
    expect(d.street).toBeNull();
    expect(d.flags).toEqual(['outside-district']);
    expect(d.reason).toContain('天河区');
  });

  it('handles the former 萝岗区 in old addresses', () => {
    expect(huangpuRouter.pickStreet({ content: 'x', address: '广州市萝岗区萝岗街道' }).street?.name).toBe('萝岗街道');
  });

  it('picks every street by its official name and by each alias, and says what matched', () => {
    for (const street of huangpuTree.streets()) {
      const byName = huangpuRouter.pickStreet({ content: '', address: `${street.name}某处` });
      expect(byName.street?.code, street.name).toBe(street.code);
      expect(byName.reason).toContain(`地址含“${street.name}” → ${street.name}(${street.code})`);
      for (const alias of huangpuTree.streetDetails(street.code)?.aliases ?? []) {
        const byAlias = huangpuRouter.pickStreet({ content: '', address: `${alias}某处` });
        expect(byAlias.street?.code, alias).toBe(street.code);
        expect(byAlias.reason).toContain(`“${alias}”（${street.name}的简称）`);
      }
    }
  });

  it('routes every sample place back to its own street and community (a ranged road with a number in its range)', () => {
    for (const street of huangpuTree.streets()) {
      const term = (p: { name: string; numbers?: { from: number }[] }) => (p.numbers ? `${p.name}${p.numbers[0]!.from}号` : p.name);
      for (const place of huangpuTree.streetDetails(street.code)?.places ?? []) {
        expect(huangpuRouter.pickStreet({ content: '', address: term(place) }).street?.code, place.name).toBe(street.code);
      }
      for (const community of huangpuTree.communities(street.code)) {
        const details = huangpuTree.communityDetails(community.code)!;
        const places = [...details.places, ...details.grids.flatMap((g) => g.places)];
        for (const address of [community.name, ...details.aliases, ...places.map(term)]) {
          expect(huangpuRouter.pickStreet({ content: '', address }).street?.code, address).toBe(street.code);
          const c = huangpuRouter.pickCommunityAndGrid(street.code, { content: '', address });
          expect(c.community?.code, address).toBe(community.code);
        }
      }
    }
  });

  it('exports the district it serves', () => {
    expect(huangpuDistrict).toEqual({ code: '440112', name: '黄埔区' });
  });
});

describe('pickStreet: what departments own regardless of place', () => {
  it('sends a case about an expressway, a river, a metro line or a city road itself to its department', () => {
    const cases: [string, string, string][] = [
      ['广园快速路大沙段路面塌陷了一个大坑', 'transport', '广园快速路'],
      ['南岗河这一段河水发黑发臭', 'water-affairs', '南岗河'],
      ['地铁6号线列车车厢空调不冷', 'transport', '地铁6号线'],
      ['开创大道路面坑洼很多', 'transport', '开创大道'],
      ['香雪站的扶梯坏了', 'transport', '香雪站'],
    ];
    for (const [content, department, term] of cases) {
      const d = huangpuRouter.pickStreet({ content });
      expect(d.department?.code, content).toBe(department);
      expect(d.street).toBeNull();
      expect(d.flags).toEqual(['owned-asset']);
      expect(d.confidence).toBeGreaterThanOrEqual(AUTO_DISPATCH_CONFIDENCE);
      expect(d.reason).toContain(`“${term}”`);
    }
  });

  it('treats a house number on the road, or a complaint not about the asset, as a place', () => {
    const numbered = huangpuRouter.pickStreet({ content: '开创大道123号小区门口路面有垃圾' });
    expect(numbered.department).toBeUndefined();
    expect(numbered.street?.name).toBe('云埔街道');
    expect(huangpuRouter.pickStreet({ content: '南岗河边的小区有人跳广场舞' }).department).toBeUndefined();
  });

  it('passes over a department that returned the case', () => {
    const d = huangpuRouter.pickStreet({ content: '南岗河河水发臭', excludeUnits: ['water-affairs'] });
    expect(d.department).toBeUndefined();
  });
});

describe('pickStreet on the Huangpu data: coordinates', () => {
  it('routes a point alone by the boundaries, GCJ-02 or WGS84, and says where it lies', () => {
    for (const system of ['gcj02', 'wgs84'] as const) {
      const location = pointIn('440112006002-02', system);
      const d = huangpuRouter.pickStreet({ content: '这里的路面塌陷了', location });
      expect(d.street?.name, system).toBe('文冲街道');
      expect(d.confidence).toBeGreaterThanOrEqual(AUTO_DISPATCH_CONFIDENCE);
      expect(d.reason).toContain(system === 'gcj02' ? 'GCJ-02' : 'WGS84');
      expect(d.reason).toContain('位于文冲街道(440112006)边界内');
    }
  });

  it('reads a point without a system as GCJ-02 and says so', () => {
    const { lat, lng } = pointIn('440112006002-02', 'gcj02');
    expect(huangpuRouter.pickStreet({ content: 'x', location: { lat, lng } }).reason).toContain('未注明按GCJ-02');
  });

  it('text and point agreeing raise the confidence', () => {
    const textOnly = huangpuRouter.pickStreet({ content: 'x', address: '沙步村' });
    const both = huangpuRouter.pickStreet({ content: 'x', address: '沙步村', location: pointIn('440112006002') });
    expect(both.street?.name).toBe('文冲街道');
    expect(both.confidence).toBeGreaterThan(textOnly.confidence);
    expect(both.reason).toContain('也在文冲街道(440112006)内');
  });

  it('flags text and a point that disagree, and leaves the decision to a person', () => {
    const d = huangpuRouter.pickStreet({ content: 'x', address: '笔岗村', location: pointIn('440112012003') });
    expect(d.flags).toContain('text-location-mismatch');
    expect(d.confidence).toBeLessThan(AUTO_DISPATCH_CONFIDENCE);
    expect(d.reason).toContain('南岗街道(440112008)');
    expect(d.reason).toContain('萝岗街道(440112012)');
  });

  it('a point outside every boundary is noted and the text decides', () => {
    const d = huangpuRouter.pickStreet({ content: 'x', address: '沙步村', location: { lat: 39.9, lng: 116.4, system: 'wgs84' } });
    expect(d.street?.name).toBe('文冲街道');
    expect(d.flags).toContain('location-outside-boundaries');
  });

  it('a tie in the text is broken by the point', () => {
    const d = huangpuRouter.pickStreet({ content: '路面有坑', address: '黄埔东路', location: pointIn('440112006003') });
    expect(d.street?.name).toBe('文冲街道');
    expect(d.flags).toContain('ambiguous');
  });
});

describe('boundaries: near an edge both units are named', () => {
  const tree = twoStreets();
  const router = createRoutingEngine(tree, { boundaryMetres: 100 });
  const west = (metresFromEdge: number) => ({ lat: 23.005, lng: 113.01 - metresFromEdge / 102_500, system: 'wgs84' as const });

  it('a point 50 m inside 甲 names 乙 as well, and is flagged near-boundary', () => {
    const d = router.pickStreet({ content: 'x', location: west(50) });
    expect(d.street?.name).toBe('甲街道');
    expect(d.flags).toContain('near-boundary');
    expect(d.candidates.map((c) => c.name)).toEqual(['甲街道', '乙街道']);
    expect(d.reason).toMatch(/距乙街道\(440112002\)边界约\d+米/);
    expect(d.confidence).toBeLessThan(0.9);
  });

  it('a point 300 m inside is not near the boundary', () => {
    const d = router.pickStreet({ content: 'x', location: west(300) });
    expect(d.flags).not.toContain('near-boundary');
    expect(d.candidates.map((c) => c.name)).toEqual(['甲街道']);
  });

  it('the text may name the unit across a nearby boundary: no mismatch', () => {
    const d = router.pickStreet({ content: 'x', address: '乙花园', location: west(50) });
    expect(d.street?.name).toBe('乙街道');
    expect(d.flags).toContain('near-boundary');
    expect(d.flags).not.toContain('text-location-mismatch');
    expect(d.confidence).toBeGreaterThanOrEqual(AUTO_DISPATCH_CONFIDENCE);
  });

  it('the distance is a setting', () => {
    const wide = createRoutingEngine(tree, { boundaryMetres: 500 });
    expect(wide.pickStreet({ content: 'x', location: west(300) }).flags).toContain('near-boundary');
    expect(createHuangpuRouter({ boundaryMetres: 250, autoDispatchConfidence: 0.7 })).toMatchObject({ boundaryMetres: 250, autoDispatchConfidence: 0.7 });
  });
});

describe('pickCommunityAndGrid on the Huangpu data', () => {
  it('puts the demo request in the 大沙街道 community that holds 丰乐北路, and its first grid', () => {
    const d = huangpuRouter.pickCommunityAndGrid('440112005', { content: DEMO });
    expect(d.community).toEqual({ code: '440112005001', name: '大沙东社区' });
    expect(d.grid).toEqual({ code: '440112005001-01', name: '大沙东社区第一网格' });
    expect(d.reason).toContain('“丰乐北路”（大沙东社区的道路）');
    expect(d.reason).toContain('取该社区第一个可用网格 大沙东社区第一网格(440112005001-01)（共 4 个');
    expect(d.confidence).toBeGreaterThanOrEqual(AUTO_DISPATCH_CONFIDENCE);
  });

  it('splits a road by odd and even numbers: 丰乐中路 17号 and 28号 lie in different communities', () => {
    const odd = huangpuRouter.pickCommunityAndGrid('440112005', { content: 'x', address: '丰乐中路17号' });
    const even = huangpuRouter.pickCommunityAndGrid('440112005', { content: 'x', address: '丰乐中路二十八号' });
    expect(odd.community?.name).toBe('大沙东社区');
    expect(even.community?.name).toBe('双沙社区');
    expect(even.reason).toContain('“丰乐中路28号”（双沙社区的道路，门牌在2-200双号内）');
    const unnumbered = huangpuRouter.pickCommunityAndGrid('440112005', { content: 'x', address: '丰乐中路' });
    expect(unnumbered.community).toBeNull();
    expect(unnumbered.flags).toContain('ambiguous');
  });

  it('a place listed on a grid picks that grid', () => {
    const d = huangpuRouter.pickCommunityAndGrid('440112005', { content: '小区电梯坏了', address: '荔园小区' });
    expect(d.community?.name).toBe('大沙北社区');
    expect(d.grid?.code).toBe('440112005005-02');
    expect(d.reason).toContain('→ 网格 大沙北社区第二网格(440112005005-02)');
  });

  it('a point picks the community and the grid holding it', () => {
    const d = huangpuRouter.pickCommunityAndGrid('440112005', { content: '垃圾', location: pointIn('440112005003-03', 'gcj02') });
    expect(d.community?.name).toBe('姬堂社区');
    expect(d.grid?.code).toBe('440112005003-03');
    expect(d.reason).toContain('坐标位于网格 姬堂社区第三网格(440112005003-03)');
  });

  it('a point in another street is noted, not used', () => {
    const d = huangpuRouter.pickCommunityAndGrid('440112005', { content: '垃圾', address: '横沙村', location: pointIn('440112006001') });
    expect(d.community?.name).toBe('横沙社区');
    expect(d.reason).toContain('不在大沙街道(440112005)内');
  });

  it('prefers a community name to a place', () => {
    const d = huangpuRouter.pickCommunityAndGrid('440112005', { content: 'x', address: '横沙社区丰乐北路' });
    expect(d.community?.name).toBe('横沙社区');
    expect(d.confidence).toBeLessThan(0.9);
  });

  it('ignores places of other streets', () => {
    const d = huangpuRouter.pickCommunityAndGrid('440112005', { content: 'x', address: '文冲大街' });
    expect(d).toMatchObject({ community: null, grid: null, confidence: 0 });
    expect(d.reason).toContain('人工分拨');
  });

  it('returns null when the street is known but no community matches', () => {
    const d = huangpuRouter.pickCommunityAndGrid('440112005', { content: '垃圾没人清运', address: '大沙街道' });
    expect(d.community).toBeNull();
    expect(d.reason).toContain('文字未能判断村社');
  });

  it('honours excludeUnits for a community and for all its grids', () => {
    const d = huangpuRouter.pickCommunityAndGrid('440112005', { content: 'x', address: '丰乐北路', excludeUnits: ['440112005001'] });
    expect(d.community).toBeNull();
    expect(d.reason).toContain('已排除退单单位 大沙东社区(440112005001)');
    const allGrids = huangpuTree.grids('440112005001').map((g) => g.code);
    expect(huangpuRouter.pickCommunityAndGrid('440112005', { content: 'x', address: '丰乐北路', excludeUnits: allGrids }).community).toBeNull();
    const oneGrid = huangpuRouter.pickCommunityAndGrid('440112005', { content: 'x', address: '丰乐北路', excludeUnits: ['440112005001-01'] });
    expect(oneGrid.grid?.code).toBe('440112005001-02');
    expect(huangpuRouter.pickCommunityAndGrid('440112005', { content: 'x', address: '丰乐北路横沙村', excludeUnits: ['440112005001'] }).community?.name).toBe('横沙社区');
  });

  it('returns null on a tie between two communities', () => {
    const d = huangpuRouter.pickCommunityAndGrid('440112005', { content: 'x', address: '横沙村和姬堂村之间' });
    expect(d.community).toBeNull();
    expect(d.reason).toContain('横沙社区(440112005002)');
    expect(d.reason).toContain('姬堂社区(440112005003)');
  });

  it('says so for an unknown street code', () => {
    expect(huangpuRouter.pickCommunityAndGrid('440112999', { content: DEMO }).reason).toContain('未知的街镇代码 440112999');
  });

  it('gridFor: the grid a person\'s community choice gets', () => {
    expect(huangpuRouter.gridFor('440112005005', { content: 'x', address: '荔园小区' })?.code).toBe('440112005005-02');
    expect(huangpuRouter.gridFor('440112005003', { content: 'x', location: pointIn('440112005003-03') })?.code).toBe('440112005003-03');
    expect(huangpuRouter.gridFor('440112005003', { content: 'x' })?.code).toBe('440112005003-01');
    expect(huangpuRouter.gridFor('440112005', { content: 'x' })).toBeNull();
  });
});

describe('the engine on hand-made trees', () => {
  it('says that a location was given but the tree has no boundaries, and uses the text', () => {
    const router = createRoutingEngine(treeOf([{ code: '440112001', name: '甲街道' }]));
    const d = router.pickStreet({ content: 'x', address: '甲街道', location: { lat: 23.1, lng: 113.45 } });
    expect(d.street?.name).toBe('甲街道');
    expect(d.reason).toContain('尚无边界');
  });

  it('does not read 黄埔东路 as 黄埔街道 when no unit lists 黄埔东路', () => {
    const router = createRoutingEngine(treeOf([{ code: '440112001', name: '黄埔街道', aliases: ['黄埔街'] }]));
    expect(router.pickStreet({ content: 'x', address: '黄埔东路' }).street).toBeNull();
    expect(router.pickStreet({ content: 'x', address: '黄埔街道' }).street?.code).toBe('440112001');
  });

  it('lets a longer place beat a shorter alias inside it', () => {
    const router = createRoutingEngine(
      treeOf([
        { code: '440112001', name: '甲街道', aliases: ['龙湖'] },
        { code: '440112002', name: '乙街道', places: ['龙湖大道'] },
      ]),
    );
    expect(router.pickStreet({ content: 'x', address: '龙湖大道5号' }).street?.name).toBe('乙街道');
  });

  it('treats a place listed under two streets as a tie', () => {
    const router = createRoutingEngine(
      treeOf([
        { code: '440112001', name: '甲街道', places: ['长路'] },
        { code: '440112002', name: '乙街道', places: ['长路'] },
      ]),
    );
    const d = router.pickStreet({ content: 'x', address: '长路8号' });
    expect(d.street).toBeNull();
    expect(d.confidence).toBe(0.2);
    expect(d.candidates).toHaveLength(2);
  });

  it('lets the content break a tie in the address, with a lower confidence', () => {
    const router = createRoutingEngine(
      treeOf([
        { code: '440112001', name: '甲街道', places: ['长路'], community: [{ name: '甲社区', places: ['甲村'] }] },
        { code: '440112002', name: '乙街道', places: ['长路'] },
      ]),
    );
    const d = router.pickStreet({ content: '甲村路口路面塌陷', address: '长路' });
    expect(d.street?.name).toBe('甲街道');
    expect(d.confidence).toBeLessThan(AUTO_DISPATCH_CONFIDENCE);
  });

  it('ranks official name > alias > community name > place', () => {
    const router = createRoutingEngine(
      treeOf([
        { code: '440112001', name: '甲街道', aliases: ['甲'] },
        { code: '440112002', name: '乙街道', aliases: ['乙'], community: [{ name: '丙社区', places: ['丁路'] }] },
        { code: '440112003', name: '戊街道', places: ['己路'] },
      ]),
    );
    expect(router.pickStreet({ content: '', address: '乙己路甲街道' }).street?.name).toBe('甲街道');
    expect(router.pickStreet({ content: '', address: '丙社区甲' }).street?.name).toBe('甲街道');
    expect(router.pickStreet({ content: '', address: '己路丙社区' }).street?.name).toBe('乙街道');
    expect(router.pickStreet({ content: '', address: '己路丁路' }).street).toBeNull();
  });

  it('keeps confidence within 0..1 and uses the threshold it was given', () => {
    const router = createRoutingEngine(treeOf([{ code: '440112001', name: '甲街道' }]), { autoDispatchConfidence: 0.75 });
    expect(router.autoDispatchConfidence).toBe(0.75);
    for (const address of ['甲街道', '', '天河区甲街道', '什么都没有']) {
      const { confidence } = router.pickStreet({ content: '', address });
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
});
