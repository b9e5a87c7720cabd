// Things a department owns wherever they run (the document's `ownedAssets`: expressways, city roads,
// rivers and 涌, metro lines and stations). A case about the thing itself — a pothole on 广园快速路, a
// smelly 南岗河, a broken escalator on 地铁6号线 — goes to that department, not to the grid it lies in.
// "About the thing itself" means: the text names the asset, says something only the asset's owner fixes
// (the subject words below, by kind of asset), and does not give a house number right after the name
// (开创大道123号 is an address on the road, not the road).
import type { AssetKind, OwnedAsset } from '../jurisdiction/schema.js';
import { leadingHouseNumber } from './house-number.js';
import type { TermHit } from './term-index.js';

const ROAD = ['路面', '坑洼', '坑槽', '大坑', '塌陷', '下陷', '破损', '裂缝', '护栏', '隔离栏', '隔离带', '标线', '匝道', '桥面', '伸缩缝', '修路', '抛洒', '落石', '井盖', '积水', '沥青'];

/** Words that show a case is about the asset itself, by kind of asset. */
export const ASSET_SUBJECTS: Readonly<Record<AssetKind, readonly string[]>> = {
  expressway: [...ROAD, '噪音', '隔音', '限速', '测速', '收费', '出口', '入口'],
  'city-road': ROAD,
  bridge: [...ROAD, '桥墩', '桥底', '桥体'],
  river: ['河水', '河道', '河面', '河涌', '水质', '发臭', '黑臭', '臭味', '发黑', '漂浮', '排污', '偷排', '污水', '死鱼', '河堤', '堤岸', '水位', '清淤', '水浮莲', '淤泥'],
  'metro-line': ['列车', '车厢', '站内', '闸机', '扶梯', '安检', '班次', '运营', '站台', '屏蔽门', '换乘', '报站', '延误', '地铁施工', '轨道'],
  'metro-station': ['站内', '闸机', '扶梯', '电梯', '安检', '站台', '屏蔽门', '售票', '厕所', '卫生间', '换乘', '出入口'],
};

export interface AssetFinding {
  asset: OwnedAsset;
  /** the name as the text gives it */
  term: string;
  /** the subject word that made it about the asset */
  subject: string;
}

/**
 * The first asset the texts are about, if any. `texts` are the normalised address and content with their
 * hits; `excluded` are department codes that returned the case (their assets are passed over).
 */
export function findOwnedAsset(texts: readonly { text: string; hits: readonly TermHit[] }[], excluded: ReadonlySet<string>): AssetFinding | undefined {
  const whole = texts.map((t) => t.text).join('\n');
  for (const { text, hits } of texts) {
    for (const hit of hits) {
      for (const entry of hit.entries) {
        if (entry.kind !== 'asset' || excluded.has(entry.asset.department)) continue;
        if (leadingHouseNumber(text.slice(hit.end)) !== undefined) continue;
        const subject = ASSET_SUBJECTS[entry.asset.kind].find((w) => whole.includes(w));
        if (subject) return { asset: entry.asset, term: entry.term, subject };
      }
    }
  }
  return undefined;
}
