// The text router over the Huangpu tree (sample communities) and over small hand-made trees: which street,
// which community and grid, with what confidence and what reason.
import { describe, expect, it } from 'vitest';
import { huangpuTree } from '../../../shared/domain/jurisdiction/huangpu.js';
import type { JurisdictionDocument } from '../../../shared/domain/jurisdiction/schema.js';
import { JurisdictionTree, loadJurisdictionTree } from '../../../shared/domain/jurisdiction/tree.js';
import { huangpuDistrict, huangpuRouter } from '../../../shared/domain/routing/huangpu-router.js';
import { AUTO_DISPATCH_CONFIDENCE, createTextRouter } from '../../../shared/domain/routing/text-router.js';

const DEMO = '黄埔区大沙街道丰乐北路 小区门口垃圾三天没人清运';
const DASHA = { code: '440112005', name: '大沙街道' };

/** A tree with the given streets (each one community with one grid) for targeted cases. */
function treeOf(streets: { code: string; name: string; aliases?: string[]; places?: string[]; community?: { name: string; places: string[] }[] }[]): JurisdictionTree {
  const doc: JurisdictionDocument = {
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

describe('pickStreet on the Huangpu data', () => {
  it('routes the demo request to 大沙街道 from the content alone', () => {
    const d = huangpuRouter.pickStreet({ content: DEMO });
    expect(d.street).toEqual(DASHA);
    expect(d.confidence).toBeGreaterThanOrEqual(AUTO_DISPATCH_CONFIDENCE);
    expect(d.reason).toContain('内容含“大沙街道” → 大沙街道(440112005)');
  });

  it('routes the demo address to 大沙街道 with the official name as the reason', () => {
    const d = huangpuRouter.pickStreet({ content: '小区门口垃圾三天没人清运', address: '广东省广州市黄埔区大沙街道丰乐北路' });
    expect(d).toMatchObject({ street: DASHA, confidence: 0.95 });
    expect(d.reason).toMatch(/^地址含“大沙街道” → 大沙街道\(440112005\)/);
    expect(d.reason).toContain('丰乐北路');
  });

  it('ranks the address above the content', () => {
    const d = huangpuRouter.pickStreet({ content: '我在文冲街道上班', address: '大沙街道丰乐北路' });
    expect(d.street).toEqual(DASHA);
  });

  it('understands the alias 大沙', () => {
    const d = huangpuRouter.pickStreet({ content: '路灯不亮', address: '大沙丰乐北路' });
    expect(d.street).toEqual(DASHA);
    expect(d.reason).toContain('“大沙”（大沙街道的简称）');
    expect(d.confidence).toBeLessThan(0.95);
  });

  it('picks the street from a community name alone', () => {
    const d = huangpuRouter.pickStreet({ content: '噪音扰民', address: '姬堂社区' });
    expect(d.street).toEqual(DASHA);
    expect(d.reason).toContain('“姬堂社区”（大沙街道的村社）');
  });

  it('picks the street from a community place alone', () => {
    const d = huangpuRouter.pickStreet({ content: '噪音扰民', address: '丰乐北路88号' });
    expect(d.street).toEqual(DASHA);
    expect(d.reason).toContain('“丰乐北路”（大沙东社区的地名）');
  });

  it('does not take 黄埔东路, 黄埔军校 or 黄埔区 for 黄埔街道', () => {
    expect(huangpuTree.streetDetails('440112001')?.places).not.toContain('黄埔东路');
    expect(huangpuRouter.pickStreet({ content: 'x', address: '黄埔东路1号' }).street?.code).not.toBe('440112001');
    expect(huangpuRouter.pickStreet({ content: 'x', address: '黄埔军校' }).street?.name).toBe('长洲街道');
    expect(huangpuRouter.pickStreet({ content: 'x', address: '广州市黄埔区' }).street).toBeNull();
    expect(huangpuRouter.pickStreet({ content: 'x', address: '黄埔区黄埔街道港湾路' }).street?.name).toBe('黄埔街道');
  });

  it('reads full-width text', () => {
    const d = huangpuRouter.pickStreet({ content: 'ｘ', address: '黄埔区　大沙街道　丰乐北路１２号' });
    expect(d.street).toEqual(DASHA);
  });

  it('honours excludeUnits: a street that returned the case is not picked again', () => {
    const d = huangpuRouter.pickStreet({ content: 'x', address: '大沙街道丰乐北路', excludeUnits: ['440112005'] });
    expect(d.street).toBeNull();
    expect(d.reason).toContain('已排除退单单位 大沙街道(440112005)');
    const next = huangpuRouter.pickStreet({ content: 'x', address: '大沙街道文冲大街', excludeUnits: ['440112005'] });
    expect(next.street?.name).toBe('文冲街道');
  });

  it('returns null with the address it saw when nothing matches', () => {
    const d = huangpuRouter.pickStreet({ content: '有人乱扔垃圾', address: '某某路99号' });
    expect(d.street).toBeNull();
    expect(d.confidence).toBe(0);
    expect(d.reason).toContain('未能从地址判断街镇');
    expect(d.reason).toContain('某某路99号');
    expect(huangpuRouter.pickStreet({ content: '有人乱扔垃圾' }).reason).toContain('未提供地址');
  });

  it('returns null on a tie between two streets, naming both', () => {
    const d = huangpuRouter.pickStreet({ content: '路面塌陷', address: '大沙东路与文冲大街交界' });
    expect(d.street).toBeNull();
    expect(d.confidence).toBeLessThan(AUTO_DISPATCH_CONFIDENCE);
    expect(d.reason).toContain('大沙街道(440112005)');
    expect(d.reason).toContain('文冲街道(440112006)');
  });

  it('lets the content break a tie in the address, with a lower confidence', () => {
    const d = huangpuRouter.pickStreet({ content: '文冲村路口路面塌陷', address: '大沙东路与文冲大街交界' });
    expect(d.street?.name).toBe('文冲街道');
    expect(d.confidence).toBeLessThan(AUTO_DISPATCH_CONFIDENCE);
  });

  it('prefers the official name over a weaker hint for another street, with a lower confidence', () => {
    const d = huangpuRouter.pickStreet({ content: 'x', address: '大沙街道文冲大街' });
    expect(d.street).toEqual(DASHA);
    expect(d.confidence).toBeLessThan(0.95);
    expect(d.reason).toContain('文冲街道(440112006)');
  });

  it('does not route an address in another district', () => {
    const d = huangpuRouter.pickStreet({ content: '噪音', address: '广州市天河区黄埔大道西' });
    expect(d.street).toBeNull();
    expect(d.reason).toContain('天河区');
  });

  it('says that a location was given but the tree has no boundaries yet, and uses the text', () => {
    const d = huangpuRouter.pickStreet({ content: 'x', address: '大沙街道', location: { lat: 23.1, lng: 113.45 } });
    expect(d.street).toEqual(DASHA);
    expect(d.reason).toContain('尚无边界');
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

  it('picks every sample place back to its own street and community (no place names two units)', () => {
    for (const street of huangpuTree.streets()) {
      for (const place of huangpuTree.streetDetails(street.code)?.places ?? []) {
        expect(huangpuRouter.pickStreet({ content: '', address: place }).street?.code, place).toBe(street.code);
      }
      for (const community of huangpuTree.communities(street.code)) {
        const details = huangpuTree.communityDetails(community.code);
        for (const term of [community.name, ...(details?.aliases ?? []), ...(details?.places ?? [])]) {
          const s = huangpuRouter.pickStreet({ content: '', address: term });
          expect(s.street?.code, term).toBe(street.code);
          expect(s.reason).toContain(`“${term}”`);
          const c = huangpuRouter.pickCommunityAndGrid(street.code, { content: '', address: term });
          expect(c.community?.code, term).toBe(community.code);
        }
      }
    }
  });

  it('exports the district it serves', () => {
    expect(huangpuDistrict).toEqual({ code: '440112', name: '黄埔区' });
  });

  it('is fast: the index is built once', () => {
    const start = performance.now();
    for (let i = 0; i < 2000; i++) {
      huangpuRouter.pickStreet({ content: `${DEMO}${i}`, address: '广东省广州市黄埔区大沙街道丰乐北路12号' });
      huangpuRouter.pickCommunityAndGrid('440112005', { content: DEMO, address: '大沙街道丰乐北路' });
    }
    expect(performance.now() - start).toBeLessThan(3000);
  });
});

describe('pickCommunityAndGrid on the Huangpu data', () => {
  it('puts the demo request in the 大沙街道 community that holds 丰乐北路, and its only grid', () => {
    const d = huangpuRouter.pickCommunityAndGrid('440112005', { content: DEMO });
    expect(d.community).toEqual({ code: '440112005001', name: '大沙东社区' });
    expect(huangpuTree.communityDetails(d.community!.code)?.places).toContain('丰乐北路');
    expect(d.grid).toEqual({ code: '440112005001-01', name: '大沙东社区第一网格' });
    expect(d.reason).toContain('“丰乐北路”（大沙东社区的地名）');
    expect(d.reason).toContain('网格取该社区唯一网格 大沙东社区第一网格(440112005001-01)');
    expect(d.confidence).toBeGreaterThanOrEqual(AUTO_DISPATCH_CONFIDENCE);
  });

  it('prefers a community name to a place', () => {
    const d = huangpuRouter.pickCommunityAndGrid('440112005', { content: 'x', address: '横沙社区丰乐北路' });
    expect(d.community?.name).toBe('横沙社区');
    expect(d.confidence).toBeLessThan(0.9);
  });

  it('ignores places of other streets', () => {
    const d = huangpuRouter.pickCommunityAndGrid('440112005', { content: 'x', address: '文冲大街' });
    expect(d).toMatchObject({ community: null, grid: null, confidence: 0 });
    expect(d.reason).toContain('交街镇人工分拨');
  });

  it('returns null when the street is known but no community matches', () => {
    const d = huangpuRouter.pickCommunityAndGrid('440112005', { content: '垃圾没人清运', address: '大沙街道' });
    expect(d.community).toBeNull();
    expect(d.grid).toBeNull();
    expect(d.reason).toContain('未能在大沙街道(440112005)内判断村社');
  });

  it('honours excludeUnits for a community and for its only grid', () => {
    for (const code of ['440112005001', '440112005001-01']) {
      const d = huangpuRouter.pickCommunityAndGrid('440112005', { content: 'x', address: '丰乐北路', excludeUnits: [code] });
      expect(d.community, code).toBeNull();
      expect(d.reason).toContain('已排除退单单位 大沙东社区(440112005001)');
    }
    const other = huangpuRouter.pickCommunityAndGrid('440112005', { content: 'x', address: '丰乐北路横沙村', excludeUnits: ['440112005001'] });
    expect(other.community?.name).toBe('横沙社区');
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
});

describe('the text router on hand-made trees', () => {
  it('does not read 黄埔东路 as 黄埔街道 when no unit lists 黄埔东路', () => {
    const router = createTextRouter(treeOf([{ code: '440112001', name: '黄埔街道', aliases: ['黄埔街'] }]));
    expect(router.pickStreet({ content: 'x', address: '黄埔东路' }).street).toBeNull();
    expect(router.pickStreet({ content: 'x', address: '黄埔街道' }).street?.code).toBe('440112001');
  });

  it('lets a longer place beat a shorter alias inside it', () => {
    const router = createTextRouter(
      treeOf([
        { code: '440112001', name: '甲街道', aliases: ['龙湖'] },
        { code: '440112002', name: '乙街道', places: ['龙湖大道'] },
      ]),
    );
    const d = router.pickStreet({ content: 'x', address: '龙湖大道5号' });
    expect(d.street?.name).toBe('乙街道');
  });

  it('treats a place listed under two streets as a tie', () => {
    const router = createTextRouter(
      treeOf([
        { code: '440112001', name: '甲街道', places: ['长路'] },
        { code: '440112002', name: '乙街道', places: ['长路'] },
      ]),
    );
    const d = router.pickStreet({ content: 'x', address: '长路8号' });
    expect(d.street).toBeNull();
    expect(d.confidence).toBe(0.2);
  });

  it('ranks official name > alias > community name > place', () => {
    const router = createTextRouter(
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

  it('keeps confidence within 0..1', () => {
    const router = createTextRouter(treeOf([{ code: '440112001', name: '甲街道' }]));
    for (const address of ['甲街道', '', '天河区甲街道', '什么都没有']) {
      const { confidence } = router.pickStreet({ content: '', address });
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
    }
  });
});
